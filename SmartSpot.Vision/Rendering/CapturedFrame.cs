using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Pipeline;

namespace SmartSpot.Vision.Rendering;

/// <summary>
/// An analysed frame copied out of the pipeline (whose frames are lent), to be rendered later on another thread; owns
/// its pixels, in the frame's own format (turned into BGR only when rendered, that is while somebody watches).
/// </summary>
public sealed class CapturedFrame : IDisposable
{
    private CapturedFrame(Frame frame, OccupancySnapshot snapshot)
    {
        Frame = frame;
        Snapshot = snapshot;
    }

    /// <summary>Zero-based frame number: in the video for files, in the order received for live streams.</summary>
    public int Index => Frame.Index;

    /// <summary>Video time of the frame (for a live stream, time since its first frame).</summary>
    public TimeSpan Timestamp => Frame.Timestamp;

    /// <summary>The lot as analysed on this frame.</summary>
    public OccupancySnapshot Snapshot { get; }

    internal Frame Frame { get; }

    /// <summary>Copies the frame of <paramref name="result"/>, which stays valid only until the pipeline moves on.</summary>
    public static CapturedFrame Of(FrameResult result) => new(result.Frame.Copy(), result.Snapshot);

    public void Dispose() => Frame.Dispose();
}
