using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Web.Sessions;

/// <summary>A whole analysis at one moment, immutable: its summary, spots, every spot's state, intervals and timeline.</summary>
/// <param name="Spots">In id order, boxes in video pixels.</param>
/// <param name="States">Every classified spot's state, in spot order; empty before the first analysed frame.</param>
/// <param name="Intervals">By spot, then time; open ones end at the last analysed frame.</param>
/// <param name="Timeline">The counts after every analysed frame, in frame order.</param>
/// <param name="FramesPerSecond">Analysis speed while it runs; 0 otherwise.</param>
/// <param name="Stream">A live session's camera while it runs (and as it was when it ended); null for files and stored sessions.</param>
public sealed record SessionDetail(
    SessionSummary Summary,
    IReadOnlyList<ParkingSpot> Spots,
    IReadOnlyList<SpotState> States,
    IReadOnlyList<SpotInterval> Intervals,
    IReadOnlyList<TimelinePoint> Timeline,
    double FramesPerSecond,
    StreamHealth? Stream = null)
{
    /// <summary>The states are the last ones seen before a live stream dropped: shown, but marked as such.</summary>
    public bool IsStale => Summary.IsActive && Stream is { IsStale: true };

    /// <summary>Video time of the last analysed frame.</summary>
    public TimeSpan Now => Timeline.Count > 0 ? Timeline[^1].Time : TimeSpan.Zero;

    /// <summary>The intervals of one spot, in time order.</summary>
    public IEnumerable<SpotInterval> IntervalsOf(int spotId) => Intervals.Where(interval => interval.SpotId == spotId);

    /// <summary>The spot's state at the last analysed frame; null before it was classified.</summary>
    public SpotState? StateOf(int spotId) => States.FirstOrDefault(state => state.SpotId == spotId);
}
