using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Web.Storage;

/// <summary>The one mapping each way between the session model and its database rows.</summary>
public static class SessionRows
{
    /// <summary>The row of a session that was just created, with its spots when the input is already open.</summary>
    public static SessionEntity ToEntity(AnalysisSession session)
    {
        var summary = session.Summary;
        return new SessionEntity
        {
            Id = summary.Id,
            Name = summary.Name,
            CreatedAt = summary.CreatedAt,
            Kind = session.Source.Kind,
            VideoFileName = session.Source.VideoFileName,
            MaskFileName = session.Source.MaskFileName ?? "",
            VideoPath = session.Source.VideoPath,
            MaskPath = session.Source.MaskPath ?? "",
            LotId = session.Source.LotId,
            Status = summary.Status,
            Speed = summary.Speed,
            Width = summary.Video?.Width ?? 0,
            Height = summary.Video?.Height ?? 0,
            Fps = summary.Video?.Fps ?? 0,
            FrameCount = summary.FrameCount,
            SpotCount = summary.SpotCount,
            Spots = ToEntities(summary.Id, session.Spots),
        };
    }

    public static List<SpotEntity> ToEntities(Guid sessionId, IEnumerable<ParkingSpot> spots) =>
        spots.Select(spot => new SpotEntity
        {
            SessionId = sessionId, SpotId = spot.Id, X = spot.Box.X, Y = spot.Box.Y, Width = spot.Box.Width, Height = spot.Box.Height, Area = spot.Area,
            X1 = spot.Quad?.A.X, Y1 = spot.Quad?.A.Y, X2 = spot.Quad?.B.X, Y2 = spot.Quad?.B.Y,
            X3 = spot.Quad?.C.X, Y3 = spot.Quad?.C.Y, X4 = spot.Quad?.D.X, Y4 = spot.Quad?.D.Y,
        }).ToList();

    public static IntervalEntity ToEntity(Guid sessionId, SpotInterval interval) => new()
    {
        SessionId = sessionId,
        SpotId = interval.SpotId,
        Status = interval.Status,
        StartFrame = interval.StartFrame,
        EndFrame = interval.EndFrame,
        StartSeconds = interval.StartTime.TotalSeconds,
        EndSeconds = interval.EndTime.TotalSeconds,
    };

    public static TimelinePointEntity ToEntity(Guid sessionId, OccupancySnapshot snapshot) => new()
    {
        SessionId = sessionId, Frame = snapshot.Frame, Seconds = snapshot.Time.TotalSeconds, Free = snapshot.Free, Occupied = snapshot.Occupied,
        FollowsGap = snapshot.FollowsGap,
    };

    public static SessionSummary ToSummary(SessionEntity entity) => new(
        entity.Id, entity.Name, entity.CreatedAt, entity.Kind, entity.LotId, entity.VideoFileName, NoneIfEmpty(entity.MaskFileName), entity.Status, entity.Error,
        entity.Width > 0 ? new VideoInfo(entity.VideoFileName, entity.Width, entity.Height, entity.Fps, entity.FrameCount) : null,
        entity.SpotCount, entity.FramesDone, entity.Free, entity.Occupied, entity.Speed, entity.StartedAt, entity.FinishedAt);

    public static SessionSource ToSource(SessionEntity entity) =>
        new(entity.Kind, entity.LotId, entity.VideoFileName, entity.VideoPath, NoneIfEmpty(entity.MaskFileName), NoneIfEmpty(entity.MaskPath));

    /// <summary>The mask columns hold "" for a session without a mask of its own.</summary>
    private static string? NoneIfEmpty(string value) => value.Length == 0 ? null : value;

    public static ParkingSpot ToSpot(SpotEntity spot) => new(spot.SpotId, new PixelBox(spot.X, spot.Y, spot.Width, spot.Height), spot.Area,
        spot is { X1: { } x1, Y1: { } y1, X2: { } x2, Y2: { } y2, X3: { } x3, Y3: { } y3, X4: { } x4, Y4: { } y4 }
            ? new SpotQuad(new(x1, y1), new(x2, y2), new(x3, y3), new(x4, y4))
            : null);

    public static SpotInterval ToInterval(IntervalEntity interval) => new(
        interval.SpotId, interval.Status, interval.StartFrame, interval.EndFrame,
        TimeSpan.FromSeconds(interval.StartSeconds), TimeSpan.FromSeconds(interval.EndSeconds));

    public static TimelinePoint ToPoint(TimelinePointEntity point) =>
        new(point.Frame, TimeSpan.FromSeconds(point.Seconds), point.Free, point.Occupied, point.FollowsGap);

    /// <summary>A stored spot's state is its last interval (stored analyses keep no confidence: 1).</summary>
    public static SpotState ToState(SpotInterval last) => new(last.SpotId, last.Status, 1f, last.StartFrame, last.StartTime);
}
