using OpenCvSharp;

namespace SmartSpot.Tests.Web;

/// <summary>A small lot the web tests draw themselves: four spots in a row, the second taken from a third of the way in; an MJPG AVI and a PNG mask.</summary>
public sealed record TestLot(string VideoPath, string MaskPath, int FrameCount)
{
    public const int SpotCount = 4;

    public const double Fps = 30;

    public static readonly Size FrameSize = new(240, 120);

    private static readonly Rect[] Spots = [new(10, 30, 40, 60), new(70, 30, 40, 60), new(130, 30, 40, 60), new(190, 30, 40, 60)];

    /// <param name="frames">30 = one second of video; real-time tests take 300 (ten seconds) so that they can pause and stop it.</param>
    public static TestLot Write(string directory, int frames = 30)
    {
        var mask = WriteMask(directory, FrameSize, "lot-mask.png");
        var video = SyntheticLot.WriteVideo(directory, Fps,
            Enumerable.Range(0, frames).Select(index => SyntheticLot.Frame(FrameSize, index >= frames / 3 ? [Spots[1]] : [])), "lot.avi");
        return new TestLot(video, mask, frames);
    }

    /// <summary>The lot's mask drawn at <paramref name="size"/> (spots scaled along).</summary>
    public static string WriteMask(string directory, Size size, string name)
    {
        var (scaleX, scaleY) = ((double)size.Width / FrameSize.Width, (double)size.Height / FrameSize.Height);
        var boxes = Spots.Select(box => new Rect((int)(box.X * scaleX), (int)(box.Y * scaleY), (int)(box.Width * scaleX), (int)(box.Height * scaleY))).ToArray();
        var path = Path.Combine(directory, name);
        using var mask = SyntheticLot.Mask(size, boxes);
        Cv2.ImWrite(path, mask);
        return path;
    }
}
