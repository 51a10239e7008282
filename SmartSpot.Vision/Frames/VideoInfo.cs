namespace SmartSpot.Vision.Frames;

/// <summary>What a frame source knows of its video before reading it.</summary>
/// <param name="FrameCount">Frames the container announces; 0 when unknown (streams).</param>
public sealed record VideoInfo(string Source, int Width, int Height, double Fps, int FrameCount)
{
    public TimeSpan Duration => Fps > 0 ? TimeSpan.FromSeconds(FrameCount / Fps) : TimeSpan.Zero;
}
