using Microsoft.EntityFrameworkCore;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Web.Storage;

/// <summary>
/// Writes a running analysis to the database: the timeline in batches, the intervals now and then, the outcome at the end.
/// A file's timeline is written whole; a live session's, which grows without end, is downsampled (<paramref name="livePointPeriod"/>).
/// </summary>
/// <param name="livePointPeriod">
/// A live session writes a timeline point when the counts change, around every gap in the stream (the last frame before it and
/// the first after it), and otherwise one every this often: at 30 fps and 5 s, 17,280 rows a day instead of 2.6 million.
/// </param>
public sealed class SessionRecorder(IDbContextFactory<SmartSpotDbContext> dbFactory, AnalysisSession session, TimeSpan livePointPeriod, TimeProvider time)
{
    /// <summary>Timeline points written in one go at most. 100: a few milliseconds of SQLite per batch.</summary>
    private const int BatchSize = 100;

    /// <summary>Longest a timeline point waits in memory. 1 s: a crash loses at most a second of counts.</summary>
    private static readonly TimeSpan BatchAge = TimeSpan.FromSeconds(1);

    /// <summary>How often the intervals are written during a run. 10 s: a crash loses little, the database is not churned.</summary>
    private static readonly TimeSpan IntervalPeriod = TimeSpan.FromSeconds(10);

    private readonly bool _downsample = session.Source.Kind == SessionKind.Stream;
    private readonly List<TimelinePointEntity> _pending = [];
    private long _lastFlush = time.GetTimestamp();
    private long _lastIntervals = time.GetTimestamp();
    private OccupancySnapshot? _lastWritten;
    private OccupancySnapshot? _skipped;
    private int? _intervalsWrittenAt;

    /// <summary>Buffers the frame's counts (when it is kept); writes them when the batch is full or old enough.</summary>
    public async Task RecordAsync(OccupancySnapshot snapshot, CancellationToken cancellationToken)
    {
        Keep(snapshot);
        if (_pending.Count >= BatchSize || time.GetElapsedTime(_lastFlush) >= BatchAge)
        {
            await FlushAsync(session.Summary, writeIntervals: time.GetElapsedTime(_lastIntervals) >= IntervalPeriod, cancellationToken);
        }
    }

    /// <summary>Writes the session's status as it is now (it started running).</summary>
    public Task StartedAsync(CancellationToken cancellationToken) => FlushAsync(session.Summary, writeIntervals: false, cancellationToken);

    /// <summary>Writes what is still buffered, the intervals and <paramref name="outcome"/>; call it before the live session shows the outcome, so a restart cannot overlap this write.</summary>
    public Task FinishedAsync(SessionSummary outcome, CancellationToken cancellationToken)
    {
        // The last analysed frame closes the stored timeline, kept or not.
        if (_skipped is { } last) Write(last);
        return FlushAsync(outcome, writeIntervals: true, cancellationToken);
    }

    private void Keep(OccupancySnapshot snapshot)
    {
        if (!_downsample || _lastWritten is not { } written)
        {
            Write(snapshot);
            return;
        }
        if (snapshot.FollowsGap && _skipped is { } beforeGap)
        {
            Write(beforeGap);
        }
        if (snapshot.FollowsGap || snapshot.Free != written.Free || snapshot.Occupied != written.Occupied || snapshot.Time - written.Time >= livePointPeriod)
        {
            Write(snapshot);
            return;
        }
        _skipped = snapshot;
    }

    private void Write(OccupancySnapshot snapshot)
    {
        _pending.Add(SessionRows.ToEntity(session.Id, snapshot));
        (_lastWritten, _skipped) = (snapshot, null);
    }

    private async Task FlushAsync(SessionSummary summary, bool writeIntervals, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.TimelinePoints.AddRange(_pending);
        int? intervalsAt = null;
        if (writeIntervals && session.Latest is { } latest)
        {
            await WriteIntervalsAsync(db, cancellationToken);
            intervalsAt = latest.Frame;
        }
        await db.SaveChangesAsync(cancellationToken);
        await SessionRepository.UpdateRowAsync(db, summary, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _pending.Clear();
        _lastFlush = time.GetTimestamp();
        if (intervalsAt is not null) (_intervalsWrittenAt, _lastIntervals) = (intervalsAt, time.GetTimestamp());
    }

    /// <summary>
    /// Only what changed since the last write: the intervals then open (their rows end at that frame) are replaced, together
    /// with every interval that began since. Closed rows stay as written, so the history outlives the bounded memory.
    /// </summary>
    private async Task WriteIntervalsAsync(SmartSpotDbContext db, CancellationToken cancellationToken)
    {
        var since = _intervalsWrittenAt ?? int.MinValue;
        await db.Intervals.Where(i => i.SessionId == session.Id && i.EndFrame >= since).ExecuteDeleteAsync(cancellationToken);
        db.Intervals.AddRange(session.Intervals.Where(interval => interval.EndFrame >= since).Select(interval => SessionRows.ToEntity(session.Id, interval)));
    }
}
