using Microsoft.Extensions.Options;
using SmartSpot.Vision;
using SmartSpot.Vision.Calibration;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Analysis;
using SmartSpot.Web.Sessions;
using SmartSpot.Web.Storage;

namespace SmartSpot.Web.Corrections;

/// <summary>
/// Turns what an operator says about spots on frames of a lot's analyses into stored corrections: the frame is decoded
/// again from the analysis's stored video (live or finished), each spot is cut out as the classifier sees it and judged
/// by the generic model and the lot's head. Bad input (unknown spot, frame past the end, a camera with no stored video)
/// is an <see cref="InvalidInputException"/> in the operator's words.
/// </summary>
public sealed class CorrectionRecorder(
    SessionRegistry registry,
    SessionRepository sessions,
    CalibrationRepository repository,
    SessionOpener opener,
    Func<SpotClassifierFactory> models,
    PipelineOptions pipeline,
    CorrectionOptions options,
    IOptions<StorageOptions> storage,
    TimeProvider time)
{
    /// <summary>
    /// Stores <paramref name="label"/> for spot <paramref name="spotId"/> on frame <paramref name="frame"/> of the analysis
    /// (default: the frame it analysed last); null when there is no such analysis.
    /// </summary>
    public async Task<Correction?> CorrectAsync(Guid sessionId, int spotId, SpotStatus label, int? frame, string by, CancellationToken cancellationToken)
    {
        if (await FindAsync(sessionId, cancellationToken) is not { } found) return null;
        var (summary, source, spots, latest) = found;
        var spot = spots.FirstOrDefault(spot => spot.Id == spotId) ?? throw new InvalidInputException(spots.Count == 0
            ? "This analysis has not opened its video yet, so its spots are not known; label a spot once it shows its first frame."
            : $"This analysis has no spot {spotId}; its spots are {SpotIds(spots)}.");
        var index = frame ?? latest;
        if (index < 0)
        {
            throw new InvalidInputException(frame is null
                ? "This analysis has not analysed a frame yet; label a spot once it shows its first frame (or give \"frame\")."
                : $"The frame {index} is not a frame number: frames count from 0.");
        }
        if (summary.FrameCount > 0 && index >= summary.FrameCount)
        {
            throw new InvalidInputException($"The frame {index:N0} is past the end of the video: it has {summary.FrameCount:N0} frames (0 to {summary.FrameCount - 1:N0}).");
        }
        await EnsureRoomAsync(source.LotId, 1, cancellationToken);
        var sampled = await SampleAsync(source, [spot], [index], cancellationToken);
        var head = await repository.HeadAsync(source.LotId, cancellationToken);
        var entity = ToEntity(source.LotId, sessionId, sampled[0], sampled[0].Spots[0], label, head, by);
        return (await repository.AddAsync([entity], cancellationToken))[0];
    }

    /// <summary>
    /// <see cref="CorrectionOptions.CheckFrames"/> frames spread over the video of the lot's last finished analysis of a stored video,
    /// every spot cut out and judged. Throws <see cref="InvalidInputException"/> when the lot has no such analysis.
    /// </summary>
    public async Task<CameraCheck> PrepareCheckAsync(Guid lotId, CancellationToken cancellationToken)
    {
        var last = (await sessions.ListAsync(cancellationToken))
            .Where(session => session.LotId == lotId && session.Kind != SessionKind.Stream && !session.IsActive && session.FramesDone > 0 && registry.Find(session.Id) is not { IsActive: true })
            .OrderByDescending(session => session.CreatedAt)
            .FirstOrDefault() ?? throw new InvalidInputException(
                "This lot has no finished analysis of a stored video to check the camera on. Run an analysis of the lot (Start analysis), let it finish, then check the camera.");
        var (summary, source) = (await sessions.FindAsync(last.Id, cancellationToken))!.Value;
        var spots = await sessions.SpotsAsync(last.Id, cancellationToken);
        var frames = Enumerable.Range(0, options.CheckFrames)
            .Select(part => (int)((part + 0.5) * summary.FramesDone / options.CheckFrames))
            .Distinct()
            .ToList();
        var sampled = await SampleAsync(source, spots, frames, cancellationToken);
        var size = new PixelSize(summary.Video?.Width ?? 0, summary.Video?.Height ?? 0);
        return new CameraCheck(lotId, last.Id, last.Name, size, spots, sampled, await repository.HeadAsync(lotId, cancellationToken));
    }

    /// <summary>Stores the operator's verdicts on a camera check, each confirmed or flipped spot of each frame; returns how many.</summary>
    public async Task<int> RecordCheckAsync(CameraCheck check, IReadOnlyList<(int Frame, int SpotId, SpotStatus Label)> labels, string by, CancellationToken cancellationToken)
    {
        await EnsureRoomAsync(check.LotId, labels.Count, cancellationToken);
        var entities = labels.Select(label =>
        {
            var frame = check.Frames.Single(frame => frame.Index == label.Frame);
            var sample = frame.Spots.Single(sample => sample.SpotId == label.SpotId);
            return ToEntity(check.LotId, check.SessionId, frame, sample, label.Label, check.Head, by);
        }).ToList();
        await repository.AddAsync(entities, cancellationToken);
        return entities.Count;
    }

    private async Task<(SessionSummary Summary, SessionSource Source, IReadOnlyList<ParkingSpot> Spots, int Latest)?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        if (registry.Find(id) is { } live)
        {
            var summary = live.Summary;
            return (summary, live.Source, live.Spots, live.IsActive ? live.Latest?.Frame ?? -1 : summary.FramesDone - 1);
        }
        if (await sessions.FindAsync(id, cancellationToken) is not var (stored, source)) return null;
        return (stored, source, await sessions.SpotsAsync(id, cancellationToken), stored.FramesDone - 1);
    }

    private async Task<IReadOnlyList<SampledFrame>> SampleAsync(SessionSource source, IReadOnlyList<ParkingSpot> spots, IReadOnlyList<int> frames, CancellationToken cancellationToken)
    {
        if (source.Kind == SessionKind.Stream)
        {
            throw new InvalidInputException(
                $"'{source.VideoFileName}' is a live camera: SmartSpot keeps no video of it, so its frames cannot be labelled. Label spots on an analysis of a stored video of this lot.");
        }
        var video = storage.Value.FullPath(source.VideoPath);
        if (!File.Exists(video))
        {
            throw new InvalidInputException($"The video of this analysis ('{source.VideoFileName}') is gone from the data directory, so its frames cannot be labelled.");
        }
        try
        {
            var sampler = new SpotSampler(models().Model, pipeline.Frames);
            return await sampler.SampleAsync(video, spots, frames, cancellationToken);
        }
        catch (InvalidInputException invalid)
        {
            throw new InvalidInputException(opener.Explain(source, invalid.Message), invalid);
        }
    }

    private async Task EnsureRoomAsync(Guid lotId, int adding, CancellationToken cancellationToken)
    {
        var count = await repository.CountAsync(lotId, cancellationToken);
        if (count + adding > options.MaxPerLot)
        {
            throw new InvalidInputException(
                $"The lot keeps at most {options.MaxPerLot:N0} corrections (SmartSpot:Corrections:MaxPerLot) and has {count:N0}; delete some before adding {adding:N0} more.");
        }
    }

    private CorrectionEntity ToEntity(Guid lotId, Guid sessionId, SampledFrame frame, SpotSample sample, SpotStatus label, AppliedHead? head, string by) => new()
    {
        Id = Guid.NewGuid(),
        LotId = lotId,
        SessionId = sessionId,
        SpotId = sample.SpotId,
        Label = label,
        Frame = frame.Index,
        FrameSeconds = frame.Timestamp.TotalSeconds,
        GenericStatus = sample.Verdict.Status,
        GenericConfidence = sample.Verdict.Confidence,
        VerdictStatus = (head?.Head.Apply(sample.Verdict) ?? sample.Verdict).Status,
        HeadId = head?.HeadId,
        Crop = sample.Png,
        CreatedBy = by.Length <= 200 ? by : by[..200],
        CreatedAt = time.GetUtcNow(),
    };

    private static string SpotIds(IReadOnlyList<ParkingSpot> spots) =>
        spots.Count <= 12 ? string.Join(", ", spots.Select(spot => spot.Id)) : $"{spots[0].Id} to {spots[^1].Id} ({spots.Count} spots)";
}
