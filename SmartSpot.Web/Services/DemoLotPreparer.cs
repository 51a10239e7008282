using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartSpot.Vision;
using SmartSpot.Demo;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Web.Data;

namespace SmartSpot.Web.Services;

/// <summary>Makes the demo lot's files for a queued demo session (generated once, then cached) and describes the session from them.</summary>
public sealed class DemoLotPreparer(
    IDbContextFactory<SmartSpotDbContext> dbFactory,
    DemoLotOptions demo,
    PipelineOptions pipeline,
    IOptions<StorageOptions> storage,
    TimeProvider time,
    ILogger<DemoLotPreparer> logger)
{
    /// <summary>Where the demo lot's video and mask are (or will be): the data directory's demo folder.</summary>
    public SessionFiles Files { get; } = new(
        new StoredUpload(Path.Combine(storage.Value.DemoDirectory, DemoLotGenerator.VideoFileName), DemoLotGenerator.VideoFileName, 0),
        new StoredUpload(Path.Combine(storage.Value.DemoDirectory, DemoLotGenerator.MaskFileName), DemoLotGenerator.MaskFileName, 0));

    /// <summary>True when the session is ready to queue; false when it was stopped meanwhile or failed (recorded either way). Never throws.</summary>
    public async Task<bool> PrepareAsync(AnalysisSession session)
    {
        var recorder = new SessionRecorder(dbFactory, session, time);
        try
        {
            new DemoLotGenerator(demo).EnsureGenerated(storage.Value.DemoDirectory);
            var (video, spots) = session.Files.Inspect(pipeline);
            session.Describe(video, spots);
            await recorder.DescribedAsync(CancellationToken.None);
            if (session.IsActive) return true;
        }
        catch (Exception error)
        {
            logger.LogError(error, "The demo lot for session {SessionId} could not be prepared.", session.Id);
            session.Finish(SessionStatus.Failed, error is InvalidInputException
                ? error.Message
                : $"The demo lot could not be generated ({error.Message}). Try again; if it fails again, check the free space in the data directory.");
        }
        try
        {
            await recorder.FinishedAsync(CancellationToken.None);
        }
        catch (Exception error)
        {
            logger.LogError(error, "Could not record the end of demo session {SessionId}.", session.Id);
        }
        return false;
    }
}
