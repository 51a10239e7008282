using Microsoft.EntityFrameworkCore;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Web.Storage;

/// <summary>Reads and writes whole sessions in the database (the per-frame writes of a run are <see cref="SessionRecorder"/>'s).</summary>
public sealed class SessionRepository(IDbContextFactory<SmartSpotDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Writes a new session's row, and its spot rows when its input is open.</summary>
    public async Task AddAsync(AnalysisSession session, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Sessions.Add(SessionRows.ToEntity(session));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Writes the spots and video of a session whose input was opened after its row was written (the demo lot); once.</summary>
    public async Task AddSpotsAsync(AnalysisSession session, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Spots.AddRange(SessionRows.ToEntities(session.Id, session.Spots));
        await db.SaveChangesAsync(cancellationToken);
        await UpdateRowAsync(db, session.Summary, cancellationToken);
    }

    /// <summary>Writes the status, progress and counts of <paramref name="summary"/> to its row.</summary>
    public async Task UpdateAsync(SessionSummary summary, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await UpdateRowAsync(db, summary, cancellationToken);
    }

    /// <summary>The recorder of one run of <paramref name="session"/>.</summary>
    /// <param name="livePointPeriod">How often a live session's timeline is written between changes (see <see cref="SessionRecorder"/>).</param>
    public SessionRecorder Recorder(AnalysisSession session, TimeSpan livePointPeriod) => new(dbFactory, session, livePointPeriod, time);

    /// <summary>Every stored session, newest first.</summary>
    public async Task<IReadOnlyList<SessionSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Sessions.AsNoTracking().OrderByDescending(s => s.CreatedAt).ToListAsync(cancellationToken);
        return rows.Select(SessionRows.ToSummary).ToList();
    }

    /// <summary>A stored session's summary and source; null when the id is unknown.</summary>
    public async Task<(SessionSummary Summary, SessionSource Source)?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return entity is null ? null : (SessionRows.ToSummary(entity), SessionRows.ToSource(entity));
    }

    /// <summary>The spots a stored session analysed, in id order; empty when it never read them.</summary>
    public async Task<IReadOnlyList<ParkingSpot>> SpotsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Spots.AsNoTracking().Where(s => s.SessionId == id).OrderBy(s => s.SpotId).ToListAsync(cancellationToken);
        return rows.Select(SessionRows.ToSpot).ToList();
    }

    /// <summary>A stored session with spots, intervals and timeline; null when the id is unknown.</summary>
    public async Task<SessionDetail?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Sessions.AsNoTracking().Include(s => s.Spots).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (entity is null) return null;
        var intervals = (await db.Intervals.AsNoTracking().Where(i => i.SessionId == id)
            .OrderBy(i => i.SpotId).ThenBy(i => i.StartFrame).ToListAsync(cancellationToken)).Select(SessionRows.ToInterval).ToList();
        var timeline = (await db.TimelinePoints.AsNoTracking().Where(p => p.SessionId == id)
            .OrderBy(p => p.Frame).ToListAsync(cancellationToken)).Select(SessionRows.ToPoint).ToList();
        var states = intervals.GroupBy(interval => interval.SpotId).Select(spot => SessionRows.ToState(spot.Last())).ToList();
        return new SessionDetail(
            SessionRows.ToSummary(entity), entity.Spots.OrderBy(s => s.SpotId).Select(SessionRows.ToSpot).ToList(), states, intervals, timeline, 0);
    }

    /// <summary>Forgets what a previous run recorded and queues the session again at <paramref name="speed"/>.</summary>
    public async Task ResetAsync(Guid id, double? speed, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Intervals.Where(i => i.SessionId == id).ExecuteDeleteAsync(cancellationToken);
        await db.TimelinePoints.Where(p => p.SessionId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Sessions.Where(s => s.Id == id).ExecuteUpdateAsync(update => update
            .SetProperty(s => s.Status, SessionStatus.Queued)
            .SetProperty(s => s.Speed, speed)
            .SetProperty(s => s.Error, (string?)null)
            .SetProperty(s => s.FramesDone, 0)
            .SetProperty(s => s.Free, 0)
            .SetProperty(s => s.Occupied, 0)
            .SetProperty(s => s.StartedAt, (DateTimeOffset?)null)
            .SetProperty(s => s.FinishedAt, (DateTimeOffset?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The one write of a session row's changing columns.</summary>
    internal static Task UpdateRowAsync(SmartSpotDbContext db, SessionSummary summary, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.Id == summary.Id).ExecuteUpdateAsync(update => update
            .SetProperty(s => s.Status, summary.Status)
            .SetProperty(s => s.Error, summary.Error)
            .SetProperty(s => s.Width, summary.Video == null ? 0 : summary.Video.Width)
            .SetProperty(s => s.Height, summary.Video == null ? 0 : summary.Video.Height)
            .SetProperty(s => s.Fps, summary.Video == null ? 0 : summary.Video.Fps)
            .SetProperty(s => s.FrameCount, summary.FrameCount)
            .SetProperty(s => s.FramesDone, summary.FramesDone)
            .SetProperty(s => s.SpotCount, summary.SpotCount)
            .SetProperty(s => s.Free, summary.Free)
            .SetProperty(s => s.Occupied, summary.Occupied)
            .SetProperty(s => s.StartedAt, summary.StartedAt)
            .SetProperty(s => s.FinishedAt, summary.FinishedAt), cancellationToken);
}
