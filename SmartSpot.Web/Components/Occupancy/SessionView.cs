using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Services;

namespace SmartSpot.Web.Components.Occupancy;

/// <summary>What the session page shows, taken at one moment from a live analysis or from a stored one.</summary>
/// <param name="States">Every spot's state, in spot order; empty before the first analysed frame.</param>
/// <param name="Now">Video time of the last analysed frame.</param>
public sealed record SessionView(
    Guid Id,
    string Name,
    DateTimeOffset CreatedAt,
    string VideoFileName,
    SessionStatus Status,
    string? Error,
    VideoInfo? Video,
    IReadOnlyList<ParkingSpot> Spots,
    IReadOnlyList<SpotState> States,
    TimeSpan Now,
    int Free,
    int Occupied,
    int FramesDone,
    double FramesPerSecond,
    IReadOnlyList<TimelinePoint> Timeline)
{
    public bool IsActive => Status is SessionStatus.Queued or SessionStatus.Running or SessionStatus.Paused;

    public static SessionView FromLive(AnalysisSession session)
    {
        var latest = session.Latest;
        return new SessionView(
            session.Id, session.Name, session.CreatedAt, session.VideoFileName, session.Status, session.Error, session.Video,
            session.Spots, latest?.Spots ?? [], latest?.Time ?? TimeSpan.Zero, latest?.Free ?? 0, latest?.Occupied ?? 0,
            session.FramesDone, session.FramesPerSecond, session.Timeline);
    }

    /// <summary>Each spot's state is its last interval; spots never classified are left out.</summary>
    public static SessionView FromStored(StoredSession session)
    {
        var states = session.Intervals
            .GroupBy(interval => interval.SpotId)
            .Select(spot => spot.MaxBy(interval => interval.StartFrame)!)
            .OrderBy(interval => interval.SpotId)
            .Select(last => new SpotState(last.SpotId, last.Status, 1f, last.StartFrame, last.StartTime))
            .ToList();
        var now = session.Timeline.Count > 0 ? session.Timeline[^1].Time : TimeSpan.Zero;
        return new SessionView(
            session.Id, session.Name, session.CreatedAt, session.VideoFileName, session.Status, session.Error, session.Video,
            session.Spots, states, now, session.Free, session.Occupied, session.FramesDone, 0, session.Timeline);
    }
}
