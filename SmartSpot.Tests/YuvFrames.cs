using OpenCvSharp;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests;

/// <summary>Frames as the video sources make them (yuv420p), from pictures the tests draw in BGR.</summary>
public static class YuvFrames
{
    /// <summary>The BGR picture converted to a yuv420p frame (OpenCV's I420, as FFmpeg writes it); even sizes only.</summary>
    public static Frame From(Mat bgr, int index = 0, TimeSpan timestamp = default)
    {
        using var yuv = new Mat();
        Cv2.CvtColor(bgr, yuv, ColorConversionCodes.BGR2YUV_I420);
        var size = new PixelSize(bgr.Width, bgr.Height);
        var pixels = GC.AllocateUninitializedArray<byte>(Frame.LengthOf(size, FramePixelFormat.Yuv420p), pinned: true);
        yuv.GetArray(out byte[] bytes);
        bytes.CopyTo(pixels, 0);
        return new Frame(pixels, pool: null, size, FramePixelFormat.Yuv420p, index, timestamp);
    }
}
