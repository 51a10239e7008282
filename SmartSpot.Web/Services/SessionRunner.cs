using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartSpot.Vision;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Web.Data;

namespace SmartSpot.Web.Services;

/// <summary>Runs one session through the engine, updating its live state per frame and recording it; never throws.</summary>
public sealed class SessionRunner(
    IServiceProvider services,
    IDbContextFactory<SmartSpotDbContext> dbFactory,
    PipelineOptions pipeline,
    IOptions<StreamOptions> stream,
    TimeProvider time,
    ILogger<SessionRunner> logger)
{
    public async Task RunAsync(AnalysisSession session, CancellationToken stopping)
    {
        var recorder = new SessionRecorder(dbFactory, session, time);
        if (!session.IsActive)
        {
            // Stopped while it waited: only its status is left to record.
            await recorder.FinishedAsync(CancellationToken.None);
            return;
        }
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping, session.StopToken);
        using var encoder = new LiveFrameEncoder(session, stream.Value, time, logger);
        var (status, error) = (SessionStatus.Completed, (string?)null);
        try
        {
            var classifier = Classifier();
            using var input = AnalysisInput.Open(session.Files.Video.Path, session.Files.Mask.Path, pipeline);
            var spots = input.Spots.Spots;
            session.Describe(input.Source.Info, spots);
            session.MarkRunning();
            await recorder.DescribedAsync(cancel.Token);
            logger.LogInformation("Analysing session {SessionId}: {Frames} frames, {Spots} spots.", session.Id, session.FrameCount, spots.Count);
            var engine = new OccupancyPipeline(classifier, pipeline, time);
            await foreach (var result in engine.RunAsync(input, session.Playback, cancel.Token))
            {
                session.Record(result.Snapshot);
                encoder.Offer(result, spots);
                await recorder.RecordAsync(result.Snapshot, cancel.Token);
            }
            if (input.Source.EndedEarly)
            {
                logger.LogWarning("The video of session {SessionId} ended after {Frames} of {Count} frames.", session.Id, session.FramesDone, session.FrameCount);
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
            (status, error) = (SessionStatus.Failed, session.Files.Explain(invalid.Message));
        }
        catch (Exception unexpected)
        {
            logger.LogError(unexpected, "Session {SessionId} failed.", session.Id);
            (status, error) = (SessionStatus.Failed,
                $"The analysis stopped on an unexpected error ({session.Files.Explain(unexpected.Message)}). Restart it; if it fails again, check the video file.");
        }
        await FinishAsync(session, recorder, encoder, status, error);
    }

    private ISpotClassifier Classifier()
    {
        try
        {
            return services.GetRequiredService<ISpotClassifier>();
        }
        catch (InvalidInputException missing)
        {
            throw new InvalidInputException(
                $"SmartSpot cannot load its spot classifier model, so nothing can be analysed ({missing.Message.Split(". ")[0]}). Ask the administrator to install the model or set SmartSpot:Classifier:ModelPath, then restart this analysis.", missing);
        }
    }

    private async Task FinishAsync(AnalysisSession session, SessionRecorder recorder, LiveFrameEncoder encoder, SessionStatus status, string? error)
    {
        await encoder.DrainAsync();
        try
        {
            await recorder.FinishedAsync(status, error, CancellationToken.None);
        }
        catch (Exception failure)
        {
            logger.LogError(failure, "Could not record the end of session {SessionId}.", session.Id);
        }
        session.Finish(status, error);
        logger.LogInformation("Session {SessionId} ended {Status} after {Frames} frames ({Dropped} live frames dropped).",
            session.Id, status, session.FramesDone, encoder.Dropped);
    }
}
