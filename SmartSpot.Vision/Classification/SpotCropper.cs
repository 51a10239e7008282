using OpenCvSharp;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Classification;

/// <summary>
/// Cuts spots out of a frame as the model wants them (<see cref="CropTensorWriter"/>), whatever the frame's pixel
/// format: of a yuv420p frame only each spot's own rectangle of the three planes is converted to BGR. A spot drawn as
/// a four-cornered outline that is not an upright rectangle is warped (perspective transform) from its quadrilateral
/// to an upright rectangle of its mean side lengths, so the model sees the bay, not the neighbours in its box. One per pipeline.
/// </summary>
public sealed class SpotCropper : IDisposable
{
    private readonly Mat _yuv = new();
    private readonly Mat _bgr = new();
    private readonly Mat _warped = new();
    private readonly Dictionary<(int Width, int Height), CropTensorWriter> _writers = [];
    private float[] _tensor = [];

    /// <summary>The spots' crops, [spots, 3, height, width] planar BGR floats 0-255, in this cropper's buffer (valid until the next call).</summary>
    public Memory<float> Write(Frame frame, IReadOnlyList<ParkingSpot> spots, int width, int height)
    {
        // One writer per input size: a cascade's two models ask for their own sizes frame after frame.
        if (!_writers.TryGetValue((width, height), out var writer))
        {
            writer = new CropTensorWriter(width, height);
            _writers.Add((width, height), writer);
        }
        var length = writer.CropLength;
        if (_tensor.Length < spots.Count * length)
        {
            _tensor = new float[spots.Count * length];
        }
        for (var index = 0; index < spots.Count; index++)
        {
            using var crop = View(frame, spots[index]);
            writer.Write(crop, _tensor.AsSpan(index * length, length));
        }
        return _tensor.AsMemory(0, spots.Count * length);
    }

    /// <summary>The spot as the model sees it before resizing (its box, or its outline warped upright), as a new BGR picture the caller disposes.</summary>
    public Mat Cut(Frame frame, ParkingSpot spot)
    {
        using var view = View(frame, spot);
        return view.Clone();
    }

    public void Dispose()
    {
        foreach (var writer in _writers.Values) writer.Dispose();
        _yuv.Dispose();
        _bgr.Dispose();
        _warped.Dispose();
    }

    /// <summary>The spot's crop as a view into this cropper's (or the frame's) buffers, valid until the next call.</summary>
    private Mat View(Frame frame, ParkingSpot spot) => spot.FillsBox ? CropBgr(frame, spot.Box) : Warp(frame, spot);

    /// <summary>The spot's quadrilateral as an upright BGR picture: corner A at the top-left, B top-right, C bottom-right, D bottom-left.</summary>
    private Mat Warp(Frame frame, ParkingSpot spot)
    {
        var (quad, box) = (spot.Outline, spot.Box);
        var width = Math.Max(1, (int)Math.Round(((quad.B - quad.A).Length + (quad.C - quad.D).Length) / 2));
        var height = Math.Max(1, (int)Math.Round(((quad.D - quad.A).Length + (quad.C - quad.B).Length) / 2));
        using var region = CropBgr(frame, box);
        Point2f[] from = [.. quad.Corners.Select(corner => new Point2f((float)(corner.X - box.X), (float)(corner.Y - box.Y)))];
        Point2f[] to = [new(0, 0), new(width, 0), new(width, height), new(0, height)];
        using var transform = Cv2.GetPerspectiveTransform(from, to);
        Cv2.WarpPerspective(region, _warped, transform, new Size(width, height), InterpolationFlags.Linear, BorderTypes.Replicate);
        return new Mat(_warped, new Rect(0, 0, width, height));
    }

    /// <summary>The box as BGR: a view into a BGR frame, or its rectangle of a yuv420p frame converted on its own.</summary>
    private Mat CropBgr(Frame frame, PixelBox box)
    {
        if (frame.Format == FramePixelFormat.Bgr24)
        {
            using var whole = frame.AsMat();
            return new Mat(whole, box.ToRect());
        }
        // 4:2:0 chroma covers 2x2 pixels: widen the box to even edges, convert that, then cut the exact box.
        var (left, top) = (box.X & ~1, box.Y & ~1);
        var (right, bottom) = ((box.Right + 1) & ~1, (box.Bottom + 1) & ~1);
        CopyPlanes(frame, left, top, right - left, bottom - top);
        Cv2.CvtColor(_yuv, _bgr, ColorConversionCodes.YUV2BGR_I420);
        return new Mat(_bgr, new Rect(box.X - left, box.Y - top, box.Width, box.Height));
    }

    /// <summary>Fills <see cref="_yuv"/> with the even-edged rectangle of the frame's Y, U and V planes, laid out as OpenCV's I420.</summary>
    private unsafe void CopyPlanes(Frame frame, int left, int top, int width, int height)
    {
        _yuv.Create(height * 3 / 2, width, MatType.CV_8UC1);
        var target = new Span<byte>((void*)_yuv.Data, width * height * 3 / 2);
        var pixels = frame.Pixels;
        var (frameWidth, frameHeight) = (frame.Size.Width, frame.Size.Height);
        for (var row = 0; row < height; row++)
        {
            pixels.Slice((top + row) * frameWidth + left, width).CopyTo(target.Slice(row * width, width));
        }
        var chromaPlane = frameWidth * frameHeight / 4;
        var (chromaWidth, chromaStride) = (width / 2, frameWidth / 2);
        for (var plane = 0; plane < 2; plane++)
        {
            var source = pixels.Slice(frameWidth * frameHeight + plane * chromaPlane, chromaPlane);
            var destination = target.Slice(width * height + plane * (width * height / 4));
            for (var row = 0; row < height / 2; row++)
            {
                source.Slice((top / 2 + row) * chromaStride + left / 2, chromaWidth).CopyTo(destination.Slice(row * chromaWidth, chromaWidth));
            }
        }
    }
}
