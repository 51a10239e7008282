using OpenCvSharp;
using SmartSpot.Vision.Frames;

namespace SmartSpot.Vision.Rendering;

/// <summary>
/// Turns a whole frame into a BGR picture, for people to look at (the annotated live frame). The one place that does:
/// the analysis never needs the whole picture in BGR, so this runs only while somebody watches.
/// </summary>
public static class BgrFrameConverter
{
    /// <summary>A new BGR picture of the frame; the caller disposes it.</summary>
    public static Mat ToBgr(Frame frame)
    {
        using var pixels = frame.AsMat();
        var bgr = new Mat();
        if (frame.Format == FramePixelFormat.Yuv420p)
        {
            Cv2.CvtColor(pixels, bgr, ColorConversionCodes.YUV2BGR_I420);
        }
        else
        {
            pixels.CopyTo(bgr);
        }
        return bgr;
    }
}
