using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenCvSharp;
using SmartSpot.Vision;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Data;

namespace SmartSpot.Web.Services;

/// <summary>The analyses of this process by id: creates them from stored uploads, queues them for the worker, restarts them.</summary>
public sealed class SessionRegistry(
    IDbContextFactory<SmartSpotDbContext> dbFactory,
    UploadStore uploads,
    IOptions<AnalysisOptions> options,
    PipelineOptions pipeline,
    DemoLotPreparer demoPreparer,
    TimeProvider time,
    ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<Guid, AnalysisSession> _sessions = new();
    private readonly ConcurrentDictionary<Guid, byte> _forwarding = new();
    private readonly Channel<AnalysisSession> _queue = Channel.CreateBounded<AnalysisSession>(options.Value.QueueCapacity);
    private readonly ILogger _logger = loggers.CreateLogger<SessionRegistry>();
    private readonly Lock _lock = new();
    private Action[] _subscribers = [];

    internal ChannelReader<AnalysisSession> Queue => _queue.Reader;

    /// <summary>The live session, or null when it is not live in this process (see <see cref="SessionStore.GetAsync"/>).</summary>
    public AnalysisSession? Find(Guid id) => _sessions.GetValueOrDefault(id);

    /// <summary>Calls <paramref name="onChanged"/> when a session is added or restarted, or changes status; from any thread.</summary>
    public IDisposable Subscribe(Action onChanged)
    {
        lock (_lock) _subscribers = [.. _subscribers, onChanged];
        return new Subscription(() =>
        {
            lock (_lock) _subscribers = _subscribers.Where(subscriber => subscriber != onChanged).ToArray();
        });
    }

    /// <summary>Checks the uploads against each other and queues their analysis.</summary>
    /// <param name="speed">Video seconds per second; 0 = as fast as possible; null = SmartSpot:Analysis:DefaultSpeed.</param>
    /// <exception cref="InvalidInputException">The video or mask cannot be analysed; the uploads are deleted.</exception>
    /// <exception cref="QueueFullException">Too many analyses are waiting; the uploads are deleted.</exception>
    public async Task<AnalysisSession> CreateAsync(
        StoredUpload video, StoredUpload mask, string? name = null, double? speed = null, CancellationToken cancellationToken = default)
    {
        var files = new SessionFiles(video, mask);
        try
        {
            EnsureQueueHasRoom();
            var (info, spots) = files.Inspect(pipeline);
            var session = new AnalysisSession(
                Guid.NewGuid(), NameOf(name, video.FileName), time.GetUtcNow(), files, ResolveSpeed(speed), time, _logger);
            session.Describe(info, spots);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Sessions.Add(SessionRecorder.ToEntity(session));
            await db.SaveChangesAsync(cancellationToken);
            Add(session);
            await EnqueueAsync(session);
            return session;
        }
        catch
        {
            uploads.Delete(video);
            uploads.Delete(mask);
            throw;
        }
    }

    /// <summary>Queues an analysis of the synthetic demo lot, generated on a background thread (once, then cached in the data directory) while the session shows Queued.</summary>
    /// <param name="speed">Video seconds per second; 0 = as fast as possible; null = SmartSpot:Analysis:DefaultSpeed.</param>
    /// <exception cref="QueueFullException">Too many analyses are waiting.</exception>
    public async Task<AnalysisSession> StartDemoAsync(double? speed = null, CancellationToken cancellationToken = default)
    {
        EnsureQueueHasRoom();
        var session = new AnalysisSession(Guid.NewGuid(), "Demo lot", time.GetUtcNow(), demoPreparer.Files, ResolveSpeed(speed), time, _logger);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Sessions.Add(SessionRecorder.ToEntity(session));
            await db.SaveChangesAsync(cancellationToken);
        }
        Add(session);
        _ = Task.Run(async () =>
        {
            if (!await demoPreparer.PrepareAsync(session)) return;
            try
            {
                await EnqueueAsync(session);
            }
            catch (QueueFullException)
            {
                // EnqueueAsync has failed the session with the message.
            }
        }, CancellationToken.None);
        return session;
    }

    /// <summary>Runs a finished, stopped, failed or interrupted session again from its stored files; null when the id is unknown.</summary>
    /// <param name="speed">Video seconds per second; 0 = as fast as possible; null = as in the first run.</param>
    /// <exception cref="InvalidOperationException">The session is still queued or running.</exception>
    public async Task<AnalysisSession?> RestartAsync(Guid id, double? speed = null, CancellationToken cancellationToken = default)
    {
        EnsureQueueHasRoom();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Sessions.Include(s => s.Spots).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (entity is null) return null;
        if (Find(id) is { IsActive: true } active) throw StillActive(active);
        if (!File.Exists(entity.VideoPath) || !File.Exists(entity.MaskPath))
        {
            throw new InvalidInputException($"The stored files of '{entity.Name}' are gone from the data directory; upload the video and mask again.");
        }
        var resolved = speed is null ? entity.Speed : ResolveSpeed(speed);
        // GetOrAdd: two restarts at once share one live session, so only one of them can reset it.
        var session = _sessions.GetOrAdd(id, _ => FromEntity(entity));
        if (!session.Reset(resolved)) throw StillActive(session);
        await SessionRecorder.ResetAsync(db, entity, resolved, cancellationToken);
        Add(session);
        await EnqueueAsync(session);
        return session;
    }

    private static InvalidOperationException StillActive(AnalysisSession session) =>
        new($"'{session.Name}' is still {session.Status.ToString().ToLowerInvariant()}; stop it before restarting it.");

    private void EnsureQueueHasRoom()
    {
        if (_queue.Reader.Count >= options.Value.QueueCapacity) throw new QueueFullException(options.Value.QueueCapacity);
    }

    private async Task EnqueueAsync(AnalysisSession session)
    {
        if (!_queue.Writer.TryWrite(session))
        {
            var full = new QueueFullException(options.Value.QueueCapacity);
            await new SessionRecorder(dbFactory, session, time).FinishedAsync(SessionStatus.Failed, full.Message, CancellationToken.None);
            session.Finish(SessionStatus.Failed, full.Message);
            throw full;
        }
        _logger.LogInformation("Queued session {SessionId} ({Name}, {Spots} spots).", session.Id, session.Name, session.Spots.Count);
    }

    private void Add(AnalysisSession session)
    {
        _sessions.TryAdd(session.Id, session);
        if (_forwarding.TryAdd(session.Id, 0))
        {
            var last = session.Status;
            session.Subscribe(changed =>
            {
                if (changed.Status == last) return;
                last = changed.Status;
                if (!changed.IsActive) Trim();
                Notify();
            });
        }
        Notify();
    }

    /// <summary>Lets go of the oldest finished sessions beyond KeepFinishedSessions; their outcome is already in the database.</summary>
    private void Trim()
    {
        var surplus = _sessions.Values.Where(s => !s.IsActive)
            .OrderByDescending(s => s.FinishedAt)
            .Skip(options.Value.KeepFinishedSessions)
            .ToList();
        foreach (var session in surplus)
        {
            if (_sessions.TryRemove(new KeyValuePair<Guid, AnalysisSession>(session.Id, session)))
            {
                _forwarding.TryRemove(session.Id, out _);
            }
        }
    }

    private void Notify()
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber();
            }
            catch (Exception error)
            {
                _logger.LogWarning(error, "A session-list subscriber failed.");
            }
        }
    }

    private AnalysisSession FromEntity(SessionEntity entity)
    {
        var files = new SessionFiles(
            new StoredUpload(entity.VideoPath, entity.VideoFileName, 0),
            new StoredUpload(entity.MaskPath, entity.MaskFileName, 0));
        var session = new AnalysisSession(entity.Id, entity.Name, entity.CreatedAt, files, entity.Speed, time, _logger);
        session.Finish(entity.Status, entity.Error);
        if (entity.Width > 0)
        {
            session.Describe(
                new VideoInfo(entity.VideoPath, entity.Width, entity.Height, entity.Fps, entity.FrameCount),
                entity.Spots.OrderBy(s => s.SpotId).Select(s => new ParkingSpot(s.SpotId, new PixelBox(s.X, s.Y, s.Width, s.Height), s.Area)).ToList());
        }
        return session;
    }

    private double? ResolveSpeed(double? requested) => (requested ?? options.Value.DefaultSpeed) is > 0 and var speed ? speed : null;

    private static string NameOf(string? name, string videoFileName) =>
        string.IsNullOrWhiteSpace(name) ? Path.GetFileNameWithoutExtension(videoFileName) : name.Trim()[..Math.Min(name.Trim().Length, 200)];
}
