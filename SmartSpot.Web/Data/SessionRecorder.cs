using Microsoft.EntityFrameworkCore;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Web.Services;

namespace SmartSpot.Web.Data;

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

    /// <summary>A new row for a session that was just created.</summary>
    public static SessionEntity ToEntity(AnalysisSession session) => new()
    {
        Id = session.Id,
        Name = session.Name,
        CreatedAt = session.CreatedAt,
        VideoFileName = session.Files.Video.FileName,
        MaskFileName = session.Files.Mask.FileName,
        VideoPath = session.Files.Video.Path,
        MaskPath = session.Files.Mask.Path,
        Status = session.Status,
        Speed = session.Playback.Speed,
        Width = session.Video?.Width ?? 0,
        Height = session.Video?.Height ?? 0,
        Fps = session.Video?.Fps ?? 0,
        FrameCount = session.FrameCount,
        SpotCount = session.Spots.Count,
        Spots = session.Spots.Select(spot => new SpotEntity
        {
            SessionId = session.Id,
            SpotId = spot.Id,
            X = spot.Box.X,
            Y = spot.Box.Y,
            Width = spot.Box.Width,
            Height = spot.Box.Height,
            Area = spot.Area,
        }).ToList(),
    };

    /// <summary>Forgets what a previous run of the session recorded and queues it again.</summary>
    public static async Task ResetAsync(SmartSpotDbContext db, SessionEntity entity, double? speed, CancellationToken cancellationToken)
    {
        await db.Intervals.Where(i => i.SessionId == entity.Id).ExecuteDeleteAsync(cancellationToken);
        await db.TimelinePoints.Where(p => p.SessionId == entity.Id).ExecuteDeleteAsync(cancellationToken);
        entity.Status = SessionStatus.Queued;
        entity.Speed = speed;
        (entity.Error, entity.FramesDone, entity.Free, entity.Occupied, entity.StartedAt, entity.FinishedAt) = (null, 0, 0, 0, null, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records the status and the video and spots as last opened (at the start of a run, or once the demo lot exists).</summary>
    public async Task DescribedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Spots.Where(s => s.SessionId == session.Id).ExecuteDeleteAsync(cancellationToken);
        db.Spots.AddRange(ToEntity(session).Spots);
        await db.SaveChangesAsync(cancellationToken);
        await UpdateSessionAsync(db, outcome: null, cancellationToken);
    }

    /// <summary>Buffers the frame's counts; writes them when the batch is full or old enough.</summary>
    public async Task RecordAsync(OccupancySnapshot snapshot, CancellationToken cancellationToken)
    {
        _pending.Add(new TimelinePointEntity
        {
            SessionId = session.Id,
            Frame = snapshot.Frame,
            Seconds = snapshot.Time.TotalSeconds,
            Free = snapshot.Free,
            Occupied = snapshot.Occupied,
        });
        if (_pending.Count >= BatchSize || time.GetElapsedTime(_lastFlush) >= BatchAge)
        {
            await FlushAsync(writeIntervals: time.GetElapsedTime(_lastIntervals) >= IntervalPeriod, outcome: null, cancellationToken);
        }
    }

    /// <summary>Writes what is still buffered, the intervals and the run's outcome; call it before the live session shows the outcome, so a restart cannot overlap this write.</summary>
    public Task FinishedAsync(SessionStatus status, string? error, CancellationToken cancellationToken) =>
        FlushAsync(writeIntervals: true, new Outcome(status, error, time.GetUtcNow()), cancellationToken);

    /// <summary>Writes the live session's state as it is, for a session that ended without running.</summary>
    public Task FinishedAsync(CancellationToken cancellationToken) => FlushAsync(writeIntervals: true, outcome: null, cancellationToken);

    private async Task FlushAsync(bool writeIntervals, Outcome? outcome, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.TimelinePoints.AddRange(_pending);
        if (writeIntervals)
        {
            await db.Intervals.Where(i => i.SessionId == session.Id).ExecuteDeleteAsync(cancellationToken);
            db.Intervals.AddRange(session.Intervals.Select(interval => new IntervalEntity
            {
                SessionId = session.Id,
                SpotId = interval.SpotId,
                Status = interval.Status,
                StartFrame = interval.StartFrame,
                EndFrame = interval.EndFrame,
                StartSeconds = interval.StartTime.TotalSeconds,
                EndSeconds = interval.EndTime.TotalSeconds,
            }));
            _lastIntervals = time.GetTimestamp();
        }
        await db.SaveChangesAsync(cancellationToken);
        await UpdateSessionAsync(db, outcome, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _pending.Clear();
        _lastFlush = time.GetTimestamp();
    }

    private Task UpdateSessionAsync(SmartSpotDbContext db, Outcome? outcome, CancellationToken cancellationToken)
    {
        var (status, error, finishedAt) = outcome is null ? (session.Status, session.Error, session.FinishedAt) : (outcome.Status, outcome.Error, outcome.FinishedAt);
        var (width, height, fps, frameCount) = session.Video is { } video ? (video.Width, video.Height, video.Fps, video.FrameCount) : (0, 0, 0.0, 0);
        var framesDone = status == SessionStatus.Completed && frameCount > 0 ? frameCount : session.FramesDone;
        var spotCount = session.Spots.Count;
        var (free, occupied) = session.Latest is { } latest ? (latest.Free, latest.Occupied) : (0, 0);
        var startedAt = session.StartedAt;
        return db.Sessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(update => update
            .SetProperty(s => s.Status, status)
            .SetProperty(s => s.Error, error)
            .SetProperty(s => s.Width, width)
            .SetProperty(s => s.Height, height)
            .SetProperty(s => s.Fps, fps)
            .SetProperty(s => s.FrameCount, frameCount)
            .SetProperty(s => s.FramesDone, framesDone)
            .SetProperty(s => s.SpotCount, spotCount)
            .SetProperty(s => s.Free, free)
            .SetProperty(s => s.Occupied, occupied)
            .SetProperty(s => s.StartedAt, startedAt)
            .SetProperty(s => s.FinishedAt, finishedAt), cancellationToken);
    }

    private sealed record Outcome(SessionStatus Status, string? Error, DateTimeOffset? FinishedAt);
}
