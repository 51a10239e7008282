using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Web.Services;

/// <summary>A whole analysis as kept: spots, per-spot intervals and the count timeline; immutable.</summary>
/// <param name="Video">Size, fps and frame count of the video (Source is the client's file name); null if it was never opened.</param>
/// <param name="Spots">In id order, boxes in video pixels.</param>
/// <param name="Intervals">By spot, then time; open ones end at the last analysed frame.</param>
/// <param name="Timeline">The counts after every analysed frame, in frame order.</param>
public sealed record StoredSession(
    Guid Id,
    string Name,
    DateTimeOffset CreatedAt,
    string VideoFileName,
    string MaskFileName,
    SessionStatus Status,
    string? Error,
    VideoInfo? Video,
    int FramesDone,
    int Free,
    int Occupied,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<ParkingSpot> Spots,
    IReadOnlyList<SpotInterval> Intervals,
    IReadOnlyList<TimelinePoint> Timeline)
{
    public int FrameCount => Video?.FrameCount ?? 0;

    /// <summary>0 to 1.</summary>
    public double Progress => FrameCount > 0 ? Math.Min(1.0, (double)FramesDone / FrameCount) : Status == SessionStatus.Completed ? 1 : 0;

    /// <summary>Queued, Running or Paused.</summary>
    public bool IsActive => Status is SessionStatus.Queued or SessionStatus.Running or SessionStatus.Paused;

    /// <summary>The intervals of one spot, in time order.</summary>
    public IEnumerable<SpotInterval> IntervalsOf(int spotId) => Intervals.Where(interval => interval.SpotId == spotId);

    /// <summary>The spot's status at the last analysed frame; null before it was classified.</summary>
    public SpotStatus? StatusOf(int spotId) => IntervalsOf(spotId).LastOrDefault()?.Status;
}
