using SmartSpot.Vision;
using SmartSpot.Vision.Calibration;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Web.Corrections;

/// <summary>
/// The frames a running live analysis offers for corrections, since SmartSpot keeps no video of a camera: the next analysed frame
/// on request (<see cref="CaptureAsync"/>), and one frame every <see cref="CorrectionOptions.LiveSampleMinutes"/> (the newest
/// <see cref="CorrectionOptions.CheckFrames"/> kept) for "Check this camera"; the last frame captured stays too, so a check's labels can name it. The run hands it each frame (<see cref="Observe"/>)
/// while the frame is still valid; a frame is cut out and judged only when asked or due, and only its sample is kept, never the frame.
/// </summary>
public sealed class LiveFrameSampler(
    SpotSampler sampler, IReadOnlyList<ParkingSpot> spots, CorrectionOptions options, TimeProvider time, ILogger logger) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<SampledFrame> _kept = [];
    private TaskCompletionSource<SampledFrame>? _capture;
    private SampledFrame? _captured;
    private DateTimeOffset? _nextKept;
    private bool _ended;

    /// <summary>The frames kept over the last hours, oldest first.</summary>
    public IReadOnlyList<SampledFrame> Kept
    {
        get { lock (_lock) return [.. _kept]; }
    }

    /// <summary>The frames that can still be labelled by number: the kept ones and the last one captured, oldest first.</summary>
    public IReadOnlyList<SampledFrame> Labellable
    {
        get
        {
            lock (_lock) return _captured is { } captured && _kept.All(kept => kept.Index != captured.Index) ? [.. _kept, captured] : [.. _kept];
        }
    }

    /// <summary>
    /// The next frame the analysis analyses, every spot cut out and judged. Throws <see cref="InvalidInputException"/> when none comes within
    /// <see cref="CorrectionOptions.CaptureTimeoutSeconds"/> or the analysis ends first.
    /// </summary>
    public async Task<SampledFrame> CaptureAsync(CancellationToken cancellationToken)
    {
        Task<SampledFrame> next;
        lock (_lock)
        {
            if (_ended) throw Ended();
            _capture ??= new TaskCompletionSource<SampledFrame>(TaskCreationOptions.RunContinuationsAsynchronously);
            next = _capture.Task;
        }
        var timeout = TimeSpan.FromSeconds(options.CaptureTimeoutSeconds);
        try
        {
            return await next.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new InvalidInputException(
                $"The camera sent no frame for {timeout.TotalSeconds:0.#} s (it may be stalled or reconnecting), so there is no current frame to label. Try again once the analysis shows new frames.");
        }
    }

    /// <summary>Called by the run with each analysed frame, before the frame goes back to its pool: samples it when a capture waits or a kept frame is due.</summary>
    public void Observe(Frame frame)
    {
        TaskCompletionSource<SampledFrame>? capture;
        bool keep;
        lock (_lock)
        {
            (capture, _capture) = (_capture, null);
            var now = time.GetUtcNow();
            keep = _nextKept is not { } due || now >= due;
            if (keep) _nextKept = now + TimeSpan.FromMinutes(options.LiveSampleMinutes);
        }
        if (capture is null && !keep) return;
        SampledFrame sampled;
        try
        {
            sampled = sampler.Sample(frame, spots);
        }
        catch (Exception failure)
        {
            // A failed sample must not stop the analysis: the operator is told, the next kept frame is tried at its time.
            logger.LogError(failure, "Could not sample frame {Frame} of a live analysis for corrections.", frame.Index);
            capture?.TrySetException(new InvalidInputException($"SmartSpot could not cut the spots out of the current frame ({failure.Message}). Try again."));
            return;
        }
        lock (_lock)
        {
            if (capture is not null) _captured = sampled;
            if (keep) _kept.Add(sampled);
            if (_kept.Count > options.CheckFrames) _kept.RemoveAt(0);
        }
        capture?.TrySetResult(sampled);
    }

    /// <summary>The analysis ended: a waiting capture is told so and the kept frames are let go.</summary>
    public void Dispose()
    {
        TaskCompletionSource<SampledFrame>? capture;
        lock (_lock)
        {
            (capture, _capture, _captured, _ended) = (_capture, null, null, true);
            _kept.Clear();
        }
        capture?.TrySetException(Ended());
    }

    private static InvalidInputException Ended() => new(
        "This live camera analysis has ended, and SmartSpot keeps no video of a live camera, so it has no frame to label. Start the camera's analysis again and label its current frame.");
}
