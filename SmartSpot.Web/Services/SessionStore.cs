using Microsoft.EntityFrameworkCore;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Data;

namespace SmartSpot.Web.Services;

/// <summary>Reads kept analyses; a session still live in this process is read from memory, so it is never behind.</summary>
public sealed class SessionStore(IDbContextFactory<SmartSpotDbContext> dbFactory, SessionRegistry registry)
{
    /// <summary>Every analysis, newest first.</summary>
    public async Task<IReadOnlyList<SessionSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Sessions.AsNoTracking().OrderByDescending(s => s.CreatedAt).ToListAsync(cancellationToken);
        return stored.Select(entity => registry.Find(entity.Id) is { } live ? Summarize(live) : Summarize(entity)).ToList();
    }

    /// <summary>One analysis with spots, intervals and timeline; null when the id is unknown.</summary>
    public async Task<StoredSession?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (registry.Find(id) is { } live) return FromLive(live);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Sessions.AsNoTracking().Include(s => s.Spots).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (entity is null) return null;
        var intervals = await db.Intervals.AsNoTracking().Where(i => i.SessionId == id)
            .OrderBy(i => i.SpotId).ThenBy(i => i.StartFrame).ToListAsync(cancellationToken);
        var timeline = await db.TimelinePoints.AsNoTracking().Where(p => p.SessionId == id)
            .OrderBy(p => p.Frame).ToListAsync(cancellationToken);
        return new StoredSession(
            entity.Id, entity.Name, entity.CreatedAt, entity.VideoFileName, entity.MaskFileName, entity.Status, entity.Error,
            entity.Width > 0 ? new VideoInfo(entity.VideoFileName, entity.Width, entity.Height, entity.Fps, entity.FrameCount) : null,
            entity.FramesDone, entity.Free, entity.Occupied, entity.StartedAt, entity.FinishedAt,
            entity.Spots.OrderBy(s => s.SpotId).Select(s => new ParkingSpot(s.SpotId, new PixelBox(s.X, s.Y, s.Width, s.Height), s.Area)).ToList(),
            intervals.Select(i => new SpotInterval(i.SpotId, i.Status, i.StartFrame, i.EndFrame, TimeSpan.FromSeconds(i.StartSeconds), TimeSpan.FromSeconds(i.EndSeconds))).ToList(),
            timeline.Select(p => new TimelinePoint(p.Frame, TimeSpan.FromSeconds(p.Seconds), p.Free, p.Occupied)).ToList());
    }

    private static StoredSession FromLive(AnalysisSession live) => new(
        live.Id, live.Name, live.CreatedAt, live.VideoFileName, live.Files.Mask.FileName, live.Status, live.Error,
        live.Video is { } video ? video with { Source = live.VideoFileName } : null,
        live.FramesDone, live.Latest?.Free ?? 0, live.Latest?.Occupied ?? 0, live.StartedAt, live.FinishedAt,
        live.Spots, live.Intervals, live.Timeline);

    private static SessionSummary Summarize(AnalysisSession live) => new(
        live.Id, live.Name, live.CreatedAt, live.VideoFileName, live.Spots.Count, live.Status,
        live.Latest?.Free ?? 0, live.Latest?.Occupied ?? 0, live.Progress, live.Error);

    private static SessionSummary Summarize(SessionEntity entity) => new(
        entity.Id, entity.Name, entity.CreatedAt, entity.VideoFileName, entity.SpotCount, entity.Status, entity.Free, entity.Occupied,
        entity.FrameCount > 0 ? Math.Min(1.0, (double)entity.FramesDone / entity.FrameCount) : entity.Status == SessionStatus.Completed ? 1 : 0,
        entity.Error);
}
