namespace SmartSpot.Vision.Frames;

/// <summary>What a frame source knows of its video before reading it.</summary>
/// <param name="Source">The file path, or the stream URL with its credentials masked.</param>
/// <param name="Width">Width of the frames the source yields (even: yuv420p frames lose an odd last column).</param>
/// <param name="Height">Height of the frames the source yields (even, likewise).</param>
/// <param name="FrameCount">Frames the container announces, not trusted: count the frames read. 0 when unknown (live streams).</param>
/// <param name="IsLive">A camera stream: never ends by itself, timestamps are wall-clock time.</param>
public sealed record VideoInfo(string Source, int Width, int Height, double Fps, int FrameCount, bool IsLive = false)
{
    public TimeSpan Duration => Fps > 0 ? TimeSpan.FromSeconds(FrameCount / Fps) : TimeSpan.Zero;
}
