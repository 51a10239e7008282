using Microsoft.EntityFrameworkCore;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Web.Storage;

/// <summary>Writes a running analysis to the database: the timeline in batches, the intervals now and then, the outcome at the end.</summary>
public sealed class SessionRecorder(IDbContextFactory<SmartSpotDbContext> dbFactory, AnalysisSession session, TimeProvider time)
{
    /// <summary>Timeline points written in one go at most. 100: a few milliseconds of SQLite per batch.</summary>
    private const int BatchSize = 100;

    /// <summary>Longest a timeline point waits in memory. 1 s: a crash loses at most a second of counts.</summary>
    private static readonly TimeSpan BatchAge = TimeSpan.FromSeconds(1);

    /// <summary>How often the intervals are rewritten during a run. 10 s: a crash loses little, the database is not churned.</summary>
    private static readonly TimeSpan IntervalPeriod = TimeSpan.FromSeconds(10);

    private readonly List<TimelinePointEntity> _pending = [];
    private long _lastFlush = time.GetTimestamp();
    private long _lastIntervals = time.GetTimestamp();

    /// <summary>Buffers the frame's counts; writes them when the batch is full or old enough.</summary>
    public async Task RecordAsync(OccupancySnapshot snapshot, CancellationToken cancellationToken)
    {
        _pending.Add(SessionRows.ToEntity(session.Id, snapshot));
        if (_pending.Count >= BatchSize || time.GetElapsedTime(_lastFlush) >= BatchAge)
        {
            await FlushAsync(session.Summary, writeIntervals: time.GetElapsedTime(_lastIntervals) >= IntervalPeriod, cancellationToken);
        }
    }

    /// <summary>Writes the session's status as it is now (it started running).</summary>
    public Task StartedAsync(CancellationToken cancellationToken) => FlushAsync(session.Summary, writeIntervals: false, cancellationToken);

    /// <summary>Writes what is still buffered, the intervals and <paramref name="outcome"/>; call it before the live session shows the outcome, so a restart cannot overlap this write.</summary>
    public Task FinishedAsync(SessionSummary outcome, CancellationToken cancellationToken) => FlushAsync(outcome, writeIntervals: true, cancellationToken);

    private async Task FlushAsync(SessionSummary summary, bool writeIntervals, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.TimelinePoints.AddRange(_pending);
        if (writeIntervals)
        {
            await db.Intervals.Where(i => i.SessionId == session.Id).ExecuteDeleteAsync(cancellationToken);
            db.Intervals.AddRange(session.Intervals.Select(interval => SessionRows.ToEntity(session.Id, interval)));
            _lastIntervals = time.GetTimestamp();
        }
        await db.SaveChangesAsync(cancellationToken);
        await SessionRepository.UpdateRowAsync(db, summary, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _pending.Clear();
        _lastFlush = time.GetTimestamp();
    }
}
