using SmartSpot.Vision.Frames;

namespace SmartSpot.Web.Sessions;

/// <summary>A live session's camera at one moment: whether frames come, and how many came. Immutable.</summary>
/// <param name="Since">When the stream went live, or when it dropped (Reconnecting, Offline).</param>
/// <param name="LastError">Why it last dropped, or why reconnecting failed; credentials masked; null until the first drop.</param>
/// <param name="Reconnects">Times it came back after a drop: each one a gap in the timeline.</param>
/// <param name="FramesReceived">Frames that came from the camera.</param>
/// <param name="FramesDropped">Frames that came while the analysis was still busy, so were not analysed.</param>
/// <param name="Fps">Frames per second the camera really delivers, over the last second or more; 0 unless live.</param>
public sealed record StreamHealth(
    StreamStatus Status, DateTimeOffset Since, string? LastError, int Reconnects, long FramesReceived, long FramesDropped, double Fps)
{
    /// <summary>The spots show their last state from before the stream dropped.</summary>
    public bool IsStale => Status != StreamStatus.Live;
}
