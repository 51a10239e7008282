using OpenCvSharp;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Rendering;

/// <summary>Annotates a captured frame, scales it to at most <see cref="FrameRenderOptions.MaxWidth"/> and encodes it as JPEG; thread-safe.</summary>
public sealed class LiveFrameRenderer(FrameRenderOptions options)
{
    private readonly FrameAnnotator _annotator = new();
    private readonly ImageEncodingParam[] _jpeg = [new(ImwriteFlags.JpegQuality, options.JpegQuality)];

    /// <summary>The JPEG bytes of <paramref name="frame"/> with its spots drawn; draws on the captured pixels.</summary>
    /// <param name="spots">In the order of the frame's snapshot states.</param>
    public byte[] Render(CapturedFrame frame, IReadOnlyList<ParkingSpot> spots)
    {
        _annotator.Annotate(frame.Image, spots, frame.Snapshot);
        if (frame.Image.Width <= options.MaxWidth)
        {
            return Encode(frame.Image);
        }
        var height = Math.Max(1, (int)Math.Round(frame.Image.Height * (double)options.MaxWidth / frame.Image.Width));
        using var scaled = new Mat();
        Cv2.Resize(frame.Image, scaled, new Size(options.MaxWidth, height), interpolation: InterpolationFlags.Area);
        return Encode(scaled);
    }

    private byte[] Encode(Mat image)
    {
        Cv2.ImEncode(".jpg", image, out var bytes, _jpeg);
        return bytes;
    }
}
