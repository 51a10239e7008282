using OpenCvSharp;

namespace SmartSpot.Tests;

/// <summary>Masks and frames the tests draw themselves: grey asphalt, spots as boxes, "cars" as bright blocks.</summary>
public static class SyntheticLot
{
    public static readonly Scalar Asphalt = new(60, 60, 60);
    public static readonly Scalar Car = new(230, 230, 230);

    /// <summary>A black mask with a filled white rectangle per box.</summary>
    public static Mat Mask(Size size, params Rect[] boxes)
    {
        var mask = new Mat(size, MatType.CV_8UC1, Scalar.Black);
        foreach (var box in boxes)
        {
            Cv2.Rectangle(mask, box, Scalar.White, -1);
        }
        return mask;
    }

    /// <summary>An asphalt BGR frame with a car filling each occupied box.</summary>
    public static Mat Frame(Size size, params Rect[] occupied)
    {
        var frame = new Mat(size, MatType.CV_8UC3, Asphalt);
        foreach (var box in occupied)
        {
            Cv2.Rectangle(frame, box, Car, -1);
        }
        return frame;
    }

    /// <summary>Writes frames as an MJPG AVI that OpenCV's FFmpeg backend reads back.</summary>
    public static string WriteVideo(string directory, double fps, IEnumerable<Mat> frames, string name = "clip.avi")
    {
        var path = Path.Combine(directory, name);
        VideoWriter? writer = null;
        try
        {
            foreach (var frame in frames)
            {
                using (frame)
                {
                    writer ??= new VideoWriter(path, FourCC.MJPG, fps, frame.Size());
                    writer.Write(frame);
                }
            }
        }
        finally
        {
            writer?.Dispose();
        }
        return path;
    }
}
