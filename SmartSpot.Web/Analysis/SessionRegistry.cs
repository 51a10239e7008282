using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SmartSpot.Vision;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Vision.Rendering;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Sessions;
using SmartSpot.Web.Storage;

namespace SmartSpot.Web.Analysis;

/// <summary>The analyses live in this process by id: creates them (input opened once, row written once), queues them for the worker, restarts them.</summary>
public sealed class SessionRegistry(
    SessionRepository repository,
    SessionQueue queue,
    SessionOpener opener,
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

    /// <summary>Queues an analysis of <paramref name="source"/> on <paramref name="spots"/> (its lot's). A source with a preparer (the demo lot) shows Queued at once and is prepared and opened in the background.</summary>
    /// <param name="speed">See <see cref="AnalysisSpeed"/>: 0 = as fast as possible; null = SmartSpot:Analysis:DefaultSpeed.</param>
    /// <exception cref="InvalidInputException">The video cannot be analysed with these spots.</exception>
    /// <exception cref="QueueFullException">Too many analyses are waiting; nothing was stored.</exception>
    public async Task<AnalysisSession> StartAsync(SessionSource source, string name, double? speed, SpotMap spots, CancellationToken cancellationToken)
    {
        var reservation = queue.Reserve();
        try
        {
            if (Preparer(source.Kind) is { } preparer)
            {
                var session = New(source, name, speed);
                await repository.AddAsync(session, cancellationToken);
                Add(session);
                var prepared = reservation;
                reservation = null;
                _ = Task.Run(() => PrepareAndEnqueueAsync(session, preparer, spots, prepared), CancellationToken.None);
                return session;
            }
            var input = await opener.OpenAsync(source, spots, cancellationToken);
            var started = await StartAsync(source, name, speed, input, reservation, cancellationToken);
            reservation = null;
            return started;
        }
        finally
        {
            reservation?.Dispose();
        }
    }

    /// <summary>Queues an analysis of an input opened already (the one-step start opens the uploads before it makes their lot), in a queue place reserved before anything was stored.</summary>
    public async Task<AnalysisSession> StartAsync(
        SessionSource source, string name, double? speed, AnalysisInput input, QueueReservation reservation, CancellationToken cancellationToken)
    {
        var session = New(source, name, speed);
        session.Open(input);
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
        return session;
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
        var input = await OpenAgainAsync(summary, source, cancellationToken);
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

    /// <summary>The input of a restart: the spots the session analysed before, else (it never got that far) the mask uploaded with it.</summary>
    private async Task<AnalysisInput> OpenAgainAsync(SessionSummary summary, SessionSource source, CancellationToken cancellationToken)
    {
        var spots = await repository.SpotsAsync(summary.Id, cancellationToken);
        if (spots.Count > 0 && summary.Video is { } video)
        {
            var shapes = spots.Select(spot => new SpotShape(spot.Id, spot.Outline)).ToList();
            return await opener.OpenAsync(source, SpotMap.FromShapes(new PixelSize(video.Width, video.Height), shapes), cancellationToken);
        }
        if (source.MaskPath is not null) return await opener.OpenWithMaskAsync(source, cancellationToken);
        throw new InvalidInputException($"'{summary.Name}' stopped before it read its spots, so it cannot be run again as it was: start a new analysis from its lot.");
    }

    private async Task PrepareAndEnqueueAsync(AnalysisSession session, ISourcePreparer preparer, SpotMap spots, QueueReservation reservation)
    {
        using (reservation)
        {
            try
            {
                await preparer.PrepareAsync(CancellationToken.None);
                session.Open(await opener.OpenAsync(session.Source, spots, CancellationToken.None));
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

    private AnalysisSession New(SessionSource source, string name, double? speed) =>
        new(Guid.NewGuid(), name, time.GetUtcNow(), source, Pace(speed), renderer, time, logger);

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
}
