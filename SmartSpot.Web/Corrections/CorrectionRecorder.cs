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
/// again from the analysis's stored video (live or finished), or, for a live camera (no video kept), is the next frame the
/// running analysis analyses (<see cref="LiveFrameSampler"/>); each spot is cut out as the classifier sees it and judged by the
/// generic model and the lot's head. Bad input (unknown spot, frame past the end, a camera analysis that has stopped) is an
/// <see cref="InvalidInputException"/> in the operator's words.
/// </summary>
public sealed class CorrectionRecorder(
    SessionRegistry registry,
    SessionRepository sessions,
    CalibrationRepository repository,
    LotCalibrator calibrator,
    LiveFrameSamplers samplers,
    SessionOpener opener,
    Func<SpotClassifierFactory> models,
    PipelineOptions pipeline,
    CorrectionOptions options,
    IOptions<StorageOptions> storage,
    TimeProvider time)
{
    /// <summary>
    /// Stores <paramref name="label"/> for spot <paramref name="spotId"/> on frame <paramref name="frame"/> of the analysis
    /// (default: the frame it analysed last; on a live camera, the next frame it analyses); null when there is no such analysis.
    /// </summary>
    public async Task<Correction?> CorrectAsync(Guid sessionId, int spotId, SpotStatus label, int? frame, string by, CancellationToken cancellationToken)
    {
        if (await FindAsync(sessionId, cancellationToken) is not { } found) return null;
        var (summary, source, spots, latest) = found;
        var spot = spots.FirstOrDefault(spot => spot.Id == spotId) ?? throw new InvalidInputException(spots.Count == 0
            ? "This analysis has not opened its video yet, so its spots are not known; label a spot once it shows its first frame."
            : $"This analysis has no spot {spotId}; its spots are {SpotIds(spots)}.");
        await EnsureRoomAsync(source.LotId, 1, cancellationToken);
        var sampled = source.Kind == SessionKind.Stream
            ? await LiveFrameAsync(sessionId, frame, cancellationToken)
            : (await SampleAsync(source, [spot], [StoredFrame(summary, frame, latest)], cancellationToken))[0];
        var head = await calibrator.HeadInUseAsync(source.LotId, cancellationToken);
        var entity = ToEntity(source.LotId, sessionId, sampled, sampled.Spots.Single(sample => sample.SpotId == spotId), label, head, by);
        return (await repository.AddAsync([entity], cancellationToken))[0];
    }

    /// <summary>
    /// Frames for the operator to check, every spot cut out and judged: while a live analysis of the lot's camera runs, the frames it kept over
    /// the last hours and its current one; otherwise <see cref="CorrectionOptions.CheckFrames"/> frames spread over the video of the lot's last
    /// finished analysis of a stored video. Throws <see cref="InvalidInputException"/> when the lot has neither.
    /// </summary>
    public async Task<CameraCheck> PrepareCheckAsync(Guid lotId, CancellationToken cancellationToken)
    {
        var lotSessions = (await sessions.ListAsync(cancellationToken)).Where(session => session.LotId == lotId).ToList();
        foreach (var camera in lotSessions.Where(session => session.Kind == SessionKind.Stream))
        {
            if (samplers.Find(camera.Id) is { } sampler && registry.Find(camera.Id) is { } running) return await LiveCheckAsync(lotId, running, sampler, cancellationToken);
        }
        var last = lotSessions
            .Where(session => session.Kind != SessionKind.Stream && !session.IsActive && session.FramesDone > 0 && registry.Find(session.Id) is not { IsActive: true })
            .OrderByDescending(session => session.CreatedAt)
            .FirstOrDefault() ?? throw new InvalidInputException(
                "This lot has no running analysis of its live camera and no finished analysis of a stored video to check the camera on. Start an analysis of the lot (Start analysis); check a camera while it runs, a video once it has finished.");
        var (summary, source) = (await sessions.FindAsync(last.Id, cancellationToken))!.Value;
        var spots = await sessions.SpotsAsync(last.Id, cancellationToken);
        var frames = Enumerable.Range(0, options.CheckFrames)
            .Select(part => (int)((part + 0.5) * summary.FramesDone / options.CheckFrames))
            .Distinct()
            .ToList();
        var sampled = await SampleAsync(source, spots, frames, cancellationToken);
        return new CameraCheck(lotId, last.Id, last.Name, SizeOf(summary), spots, sampled, await calibrator.HeadInUseAsync(lotId, cancellationToken));
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

    /// <summary>A stored video's frame to label: <paramref name="frame"/>, or the one analysed last; checked against the video's length.</summary>
    private static int StoredFrame(SessionSummary summary, int? frame, int latest)
    {
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
        return index;
    }

    /// <summary>A live camera's frame to label: one its sampler still holds when <paramref name="frame"/> is given (a camera check's), else the next frame its running analysis analyses.</summary>
    private async Task<SampledFrame> LiveFrameAsync(Guid sessionId, int? frame, CancellationToken cancellationToken)
    {
        if (samplers.Find(sessionId) is not { } sampler || registry.Find(sessionId) is not { } running)
        {
            throw new InvalidInputException(registry.Find(sessionId) is { IsActive: true }
                ? "This live camera analysis has not started yet; label a spot once it shows its first frame."
                : "This live camera analysis is not running, and SmartSpot keeps no video of a live camera, so it has no frame to label. Start the camera's analysis again and label its current frame.");
        }
        if (frame is not { } index) return await CurrentFrameAsync(running, sampler, cancellationToken);
        var kept = sampler.Labellable;
        return kept.FirstOrDefault(sampled => sampled.Index == index) ?? throw new InvalidInputException(kept.Count == 0
            ? $"SmartSpot keeps no video of a live camera, so frame {index:N0} is gone; leave out \"frame\" to label the current frame."
            : $"SmartSpot keeps no video of a live camera, so frame {index:N0} is gone: it keeps only frames {string.Join(", ", kept.Select(sampled => sampled.Index.ToString("N0")))} (those of camera checks). Leave out \"frame\" to label the current frame.");
    }

    /// <summary>The next frame the running live analysis analyses; refused at once when none can come (camera down, analysis paused).</summary>
    private static async Task<SampledFrame> CurrentFrameAsync(AnalysisSession running, LiveFrameSampler sampler, CancellationToken cancellationToken)
    {
        if (running.Stream is { IsStale: true } camera)
        {
            throw new InvalidInputException(
                $"The camera is {camera.Status.ToString().ToLowerInvariant()} (since {camera.Since:u}), so there is no current frame to label. Try again once it is live.");
        }
        if (running.Status == SessionStatus.Paused)
        {
            throw new InvalidInputException("This analysis is paused, so it analyses no frame to label. Resume it, then label the current frame.");
        }
        return await sampler.CaptureAsync(cancellationToken);
    }

    /// <summary>The frames a running live analysis kept and its current one; the kept ones alone when the camera sends no frame now.</summary>
    private async Task<CameraCheck> LiveCheckAsync(Guid lotId, AnalysisSession running, LiveFrameSampler sampler, CancellationToken cancellationToken)
    {
        var kept = sampler.Kept;
        var frames = kept.ToList();
        try
        {
            frames.Add(await CurrentFrameAsync(running, sampler, cancellationToken));
        }
        catch (InvalidInputException) when (kept.Count > 0)
        {
            // The camera is down or paused: the frames kept over the last hours can still be checked.
        }
        var distinct = frames.DistinctBy(sampled => sampled.Index).OrderBy(sampled => sampled.Index).ToList();
        var summary = running.Summary;
        return new CameraCheck(lotId, running.Id, running.Name, SizeOf(summary), running.Spots, distinct, await calibrator.HeadInUseAsync(lotId, cancellationToken));
    }

    private static PixelSize SizeOf(SessionSummary summary) => new(summary.Video?.Width ?? 0, summary.Video?.Height ?? 0);

    private async Task<IReadOnlyList<SampledFrame>> SampleAsync(SessionSource source, IReadOnlyList<ParkingSpot> spots, IReadOnlyList<int> frames, CancellationToken cancellationToken)
    {
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
