using OpenCvSharp;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Rendering;

/// <summary>Annotates a captured frame, scales it to at most <see cref="FrameRenderOptions.MaxWidth"/> and encodes it as JPEG; thread-safe.</summary>
public sealed class LiveFrameRenderer(FrameRenderOptions options)
{
    private readonly FrameAnnotator _annotator = new();
    private readonly ImageEncodingParam[] _jpeg = [new(ImwriteFlags.JpegQuality, options.JpegQuality)];

    /// <summary>The JPEG bytes of <paramref name="frame"/> with its spots drawn (the one whole-frame BGR conversion, for viewers).</summary>
    /// <param name="spots">In the order of the frame's snapshot states.</param>
    public byte[] Render(CapturedFrame frame, IReadOnlyList<ParkingSpot> spots)
    {
        using var image = BgrFrameConverter.ToBgr(frame.Frame);
        _annotator.Annotate(image, spots, frame.Snapshot);
        if (image.Width <= options.MaxWidth)
        {
            return Encode(image);
        }
        var height = Math.Max(1, (int)Math.Round(image.Height * (double)options.MaxWidth / image.Width));
        using var scaled = new Mat();
        Cv2.Resize(image, scaled, new Size(options.MaxWidth, height), interpolation: InterpolationFlags.Area);
        return Encode(scaled);
    }

    private byte[] Encode(Mat image)
    {
        Cv2.ImEncode(".jpg", image, out var bytes, _jpeg);
        return bytes;
    }
}
