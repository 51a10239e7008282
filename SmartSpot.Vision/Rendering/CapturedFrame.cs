using OpenCvSharp;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Pipeline;

namespace SmartSpot.Vision.Rendering;

/// <summary>An analysed frame copied out of the pipeline (whose frames are lent), to be rendered later on another thread; owns its pixels.</summary>
public sealed class CapturedFrame : IDisposable
{
    private CapturedFrame(Mat image, int index, TimeSpan timestamp, OccupancySnapshot snapshot)
    {
        Image = image;
        Index = index;
        Timestamp = timestamp;
        Snapshot = snapshot;
    }

    /// <summary>Zero-based frame number in the video.</summary>
    public int Index { get; }

    /// <summary>Video time of the frame.</summary>
    public TimeSpan Timestamp { get; }

    /// <summary>The lot as analysed on this frame.</summary>
    public OccupancySnapshot Snapshot { get; }

    internal Mat Image { get; }

    /// <summary>Copies the frame of <paramref name="result"/>, which stays valid only until the pipeline moves on.</summary>
    public static CapturedFrame Of(FrameResult result) =>
        new(result.Frame.Image.Clone(), result.Frame.Index, result.Frame.Timestamp, result.Snapshot);

    public void Dispose() => Image.Dispose();
}
