using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SmartSpot.Vision;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Rendering;
using SmartSpot.Web.Sessions;
using SmartSpot.Web.Storage;
using SmartSpot.Web.Uploads;

namespace SmartSpot.Web.Analysis;

/// <summary>The analyses live in this process by id: creates them (input opened once, row written once), queues them for the worker, restarts them.</summary>
public sealed class SessionRegistry(
    SessionRepository repository,
    SessionQueue queue,
    SessionOpener opener,
    UploadStore uploads,
    IEnumerable<ISourcePreparer> preparers,
    LiveFrameRenderer renderer,
    IOptions<AnalysisOptions> options,
    TimeProvider time,
    ILogger<SessionRegistry> logger)
{
    private readonly ConcurrentDictionary<Guid, AnalysisSession> _sessions = new();
    private readonly ConcurrentDictionary<Guid, byte> _forwarding = new();
    private readonly ChangeNotifier<SessionRegistry> _changes = new(logger);

    /// <summary>The live session, or null when it is not live in this process (see <see cref="SessionReader"/>).</summary>
    public AnalysisSession? Find(Guid id) => _sessions.GetValueOrDefault(id);

    /// <summary>Calls <paramref name="onChanged"/> when a session is added or restarted, or changes status; from any thread.</summary>
    public IDisposable Subscribe(Action onChanged) => _changes.Subscribe(_ => onChanged());

    /// <summary>Opens the uploads against each other and queues their analysis; on any refusal the uploads are deleted.</summary>
    /// <param name="speed">See <see cref="AnalysisSpeed"/>: 0 = as fast as possible; null = SmartSpot:Analysis:DefaultSpeed.</param>
    /// <exception cref="InvalidInputException">The video or mask cannot be analysed, or the name is too long.</exception>
    /// <exception cref="QueueFullException">Too many analyses are waiting; nothing was stored.</exception>
    public async Task<AnalysisSession> CreateAsync(
        StoredUpload video, StoredUpload mask, string? name = null, double? speed = null, CancellationToken cancellationToken = default)
    {
        try
        {
            var source = new SessionSource(SessionKind.Upload, video.FileName, mask.FileName, video.StoredPath, mask.StoredPath);
            return await StartAsync(source, NameOf(name, Path.GetFileNameWithoutExtension(video.FileName)), speed, cancellationToken);
        }
        catch
        {
            uploads.Delete(video);
            uploads.Delete(mask);
            throw;
        }
    }

    /// <summary>
    /// Connects to the camera, fits the uploaded mask to its picture and queues the live analysis, which runs until
    /// stopped (it holds one of the MaxConcurrentSessions slots meanwhile); on any refusal the mask is deleted.
    /// </summary>
    /// <param name="url">rtsp://, rtsps://, http:// or https://; its credentials are kept in memory only, never stored or shown.</param>
    /// <exception cref="InvalidInputException">Not a stream URL, the camera does not answer with video, or the mask does not fit.</exception>
    /// <exception cref="QueueFullException">Too many analyses are waiting; nothing was stored.</exception>
    public async Task<AnalysisSession> CreateLiveAsync(string url, StoredUpload mask, string? name = null, CancellationToken cancellationToken = default)
    {
        try
        {
            var address = StreamAddress.Parse(url);
            var masked = UrlCredentials.Mask(address.OriginalString);
            var source = new SessionSource(SessionKind.Stream, masked, mask.FileName, masked, mask.StoredPath, address.OriginalString);
            return await StartAsync(source, NameOf(name, $"{address.Host} live"), speed: 0, cancellationToken); // the camera sets the pace
        }
        catch
        {
            uploads.Delete(mask);
            throw;
        }
    }

    /// <summary>Queues an analysis of <paramref name="source"/>. A source with a preparer (the demo lot) shows Queued at once and is prepared and opened in the background.</summary>
    /// <exception cref="QueueFullException">Too many analyses are waiting; nothing was stored.</exception>
    public async Task<AnalysisSession> StartAsync(SessionSource source, string name, double? speed, CancellationToken cancellationToken)
    {
        var reservation = queue.Reserve();
        try
        {
            var session = new AnalysisSession(Guid.NewGuid(), name, time.GetUtcNow(), source, Pace(speed), renderer, time, logger);
            if (Preparer(source.Kind) is { } preparer)
            {
                await repository.AddAsync(session, cancellationToken);
                Add(session);
                var prepared = reservation;
                reservation = null;
                _ = Task.Run(() => PrepareAndEnqueueAsync(session, preparer, prepared), CancellationToken.None);
                return session;
            }
            session.Open(await opener.OpenAsync(source, cancellationToken));
            try
            {
                await repository.AddAsync(session, cancellationToken);
            }
            catch
            {
                session.Finish(session.Ending(SessionStatus.Failed));
                throw;
            }
            Add(session);
            Enqueue(session, reservation);
            reservation = null;
            return session;
        }
        finally
        {
            reservation?.Dispose();
        }
    }

    /// <summary>Runs a finished, stopped, failed or interrupted session again from its stored files; null when the id is unknown.</summary>
    /// <param name="speed">See <see cref="AnalysisSpeed"/>; null = as in the first run.</param>
    /// <exception cref="InvalidOperationException">The session is still queued or running.</exception>
    /// <exception cref="InvalidInputException">Its files are gone or unreadable.</exception>
    public async Task<AnalysisSession?> RestartAsync(Guid id, double? speed = null, CancellationToken cancellationToken = default)
    {
        using var reservation = queue.Reserve();
        if (await repository.FindAsync(id, cancellationToken) is not var (summary, stored)) return null;
        if (Find(id) is { IsActive: true } active) throw StillActive(active);
        // A live session still in memory knows its camera's whole URL; the database keeps it masked.
        var source = Find(id)?.Source ?? stored;
        if (Preparer(source.Kind) is { } preparer) await preparer.PrepareAsync(cancellationToken);
        var input = await opener.OpenAsync(source, cancellationToken);
        var pace = speed is null ? summary.Speed : Pace(speed);
        // GetOrAdd: two restarts at once share one live session, so only one of them can reset it.
        var session = _sessions.GetOrAdd(id, _ => Restore(summary, source));
        if (!session.Reset(pace, input))
        {
            input.Dispose();
            throw StillActive(session);
        }
        await repository.ResetAsync(id, pace, cancellationToken);
        Add(session);
        Enqueue(session, reservation);
        return session;
    }

    private async Task PrepareAndEnqueueAsync(AnalysisSession session, ISourcePreparer preparer, QueueReservation reservation)
    {
        using (reservation)
        {
            try
            {
                await preparer.PrepareAsync(CancellationToken.None);
                session.Open(await opener.OpenAsync(session.Source, CancellationToken.None));
                await repository.AddSpotsAsync(session, CancellationToken.None);
                if (session.IsActive)
                {
                    Enqueue(session, reservation);
                    return;
                }
                await repository.UpdateAsync(session.Summary, CancellationToken.None);
            }
            catch (Exception error)
            {
                logger.LogError(error, "The source of session {SessionId} could not be prepared.", session.Id);
                var outcome = session.Ending(SessionStatus.Failed, error is InvalidInputException
                    ? error.Message
                    : "The files of this analysis could not be prepared. Try again; if it fails again, check the free space in the data directory.");
                try
                {
                    await repository.UpdateAsync(outcome, CancellationToken.None);
                }
                catch (Exception failure)
                {
                    logger.LogError(failure, "Could not record the failure of session {SessionId}.", session.Id);
                }
                session.Finish(outcome);
            }
        }
    }

    private void Enqueue(AnalysisSession session, QueueReservation reservation)
    {
        reservation.Enqueue(session);
        logger.LogInformation("Queued session {SessionId} ({Name}, {Spots} spots).", session.Id, session.Name, session.Spots.Count);
    }

    private AnalysisSession Restore(SessionSummary summary, SessionSource source)
    {
        var session = new AnalysisSession(summary.Id, summary.Name, summary.CreatedAt, source, summary.Speed, renderer, time, logger);
        session.Finish(summary);
        return session;
    }

    private ISourcePreparer? Preparer(SessionKind kind) => preparers.FirstOrDefault(preparer => preparer.Kind == kind);

    private static InvalidOperationException StillActive(AnalysisSession session) =>
        new($"'{session.Name}' is still {session.Status.ToString().ToLowerInvariant()}; stop it before restarting it.");

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

    private void Notify() => _changes.Notify(this);

    public override string ToString() => "the session list";

    /// <summary>The new session's pace: <paramref name="speed"/> or the default, 0 meaning as fast as possible (null).</summary>
    private double? Pace(double? speed) => AnalysisSpeed.ToPace(speed ?? options.Value.DefaultSpeed);

    private static string NameOf(string? name, string fallback)
    {
        var cleaned = name is null ? "" : DisplayName.Clean(name, "The session name");
        return cleaned.Length > 0 ? cleaned : fallback;
    }
}
