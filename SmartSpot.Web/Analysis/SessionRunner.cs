using Microsoft.Extensions.Options;
using SmartSpot.Vision;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Web.Alerts;
using SmartSpot.Web.Corrections;
using SmartSpot.Web.Sessions;
using SmartSpot.Web.Storage;

namespace SmartSpot.Web.Analysis;

/// <summary>Runs one session's opened input through the engine: live state per frame, frames to its feed, rows to the database,
/// changes to the alerts, a camera's frames to its sampler for corrections; never throws.</summary>
/// <param name="classifiers">A classifier per analysis, the lot's head on top when it is calibrated; the models load on first use, so a missing model fails an analysis, not the host.</param>
public sealed class SessionRunner(
    LotClassifiers classifiers,
    SessionRepository repository,
    SessionOpener opener,
    AnalysisAlerts alerts,
    LiveFrameSamplers samplers,
    PipelineOptions pipeline,
    IOptions<AnalysisOptions> options,
    TimeProvider time,
    ILogger<SessionRunner> logger)
{
    public async Task RunAsync(AnalysisSession session, CancellationToken stopping)
    {
        var recorder = repository.Recorder(session, TimeSpan.FromSeconds(options.Value.LiveTimelineSeconds));
        using var input = session.TakeInput();
        if (input is null)
        {
            // Stopped while it waited: only its status is left to record.
            await RecordAsync(session, () => recorder.FinishedAsync(session.Summary, CancellationToken.None));
            return;
        }
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping, session.StopToken);
        var (status, error) = (SessionStatus.Completed, (string?)null);
        var alertFeed = AlertFeed.None;
        try
        {
            alertFeed = await alerts.OpenAsync(session.Source.LotId, cancel.Token);
            var engine = new OccupancyPipeline(await ClassifierAsync(session.Source.LotId, cancel.Token), pipeline, time);
            var stream = input.Source as LiveStreamFrameSource;
            if (stream is not null) session.Watch(stream);
            // A camera's frames are gone once analysed: its sampler cuts out the ones corrections and camera checks ask for.
            var sampler = stream is null ? null : samplers.Open(session.Id, input.Spots.Spots);
            session.MarkRunning();
            await recorder.StartedAsync(cancel.Token);
            alertFeed.Online();
            if (stream is not null) stream.ConnectionChanged += alertFeed.Connection;
            logger.LogInformation("Analysing session {SessionId}: {Video}, {Spots} spots.", session.Id,
                input.Source.Info.IsLive ? "a live stream" : $"{input.Source.Info.FrameCount} frames", input.Spots.Spots.Count);
            await foreach (var result in engine.RunAsync(input, session.Playback, cancel.Token))
            {
                // First: a correction asked for once a frame shows gets a later frame, never the one it saw.
                sampler?.Observe(result.Frame);
                session.Record(result.Snapshot);
                await recorder.RecordAsync(result.Snapshot, cancel.Token);
                alertFeed.Observe(result.Snapshot);
                // Last, right before the pipeline checks for a pause: a pause that came during the database write
                // still finds this frame, so the feed keeps it for viewers who arrive during the pause.
                session.Feed.Publish(result, input.Spots.Spots);
            }
            if (input.Source.EndedEarly)
            {
                logger.LogWarning("The video of session {SessionId} ended after {Frames} of {Count} frames.", session.Id, session.FramesDone, input.Source.Info.FrameCount);
                error = $"The video ended after frame {session.FramesDone:N0} of the {input.Source.Info.FrameCount:N0} it announces; it may be truncated. The results cover the frames read.";
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            (status, error) = session.StopRequested
                ? (SessionStatus.Stopped, null)
                : (SessionStatus.Interrupted, "SmartSpot stopped while this analysis ran. Restart it to analyse the video again.");
        }
        catch (InvalidInputException invalid)
        {
            (status, error) = (SessionStatus.Failed, opener.Explain(session.Source, invalid.Message));
        }
        catch (Exception unexpected)
        {
            logger.LogError(unexpected, "Session {SessionId} failed.", session.Id);
            (status, error) = (SessionStatus.Failed,
                $"The analysis stopped on an unexpected error ({opener.Explain(session.Source, unexpected.Message)}). Restart it; if it fails again, check the video file.");
        }
        samplers.Close(session.Id);
        if (status == SessionStatus.Failed) alertFeed.Offline();
        await session.Feed.EndAsync();
        var outcome = session.Ending(status, error);
        await RecordAsync(session, () => recorder.FinishedAsync(outcome, CancellationToken.None));
        session.Finish(outcome);
        logger.LogInformation("Session {SessionId} ended {Status} after {Frames} frames ({Dropped} live frames dropped).",
            session.Id, status, outcome.FramesDone, session.Feed.Dropped);
    }

    private async Task<ISpotClassifier> ClassifierAsync(Guid lotId, CancellationToken cancellationToken)
    {
        try
        {
            return await classifiers.ForAnalysisAsync(lotId, cancellationToken);
        }
        catch (InvalidInputException missing)
        {
            throw new InvalidInputException(
                $"SmartSpot cannot load its spot classifier model, so nothing can be analysed ({missing.Message.Split(". ")[0]}). Ask the administrator to install the model or set SmartSpot:Classifier:ModelPath, then restart this analysis.", missing);
        }
    }

    private async Task RecordAsync(AnalysisSession session, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception failure)
        {
            logger.LogError(failure, "Could not record the end of session {SessionId}.", session.Id);
        }
    }
}
