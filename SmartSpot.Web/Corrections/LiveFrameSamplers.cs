using System.Collections.Concurrent;
using SmartSpot.Vision.Calibration;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Web.Corrections;

/// <summary>The <see cref="LiveFrameSampler"/> of each running live analysis, by session id: opened by the run, found by corrections and camera checks.</summary>
/// <param name="models">The process's models: frames are judged by the accurate model with its embedding, as stored-video corrections are.</param>
public sealed class LiveFrameSamplers(
    Func<SpotClassifierFactory> models, PipelineOptions pipeline, CorrectionOptions options, TimeProvider time, ILogger<LiveFrameSampler> logger)
{
    private readonly ConcurrentDictionary<Guid, LiveFrameSampler> _running = new();

    /// <summary>The running analysis's sampler; null when the analysis is not a running live one in this process.</summary>
    public LiveFrameSampler? Find(Guid sessionId) => _running.GetValueOrDefault(sessionId);

    /// <summary>Opens the sampler of the live analysis <paramref name="sessionId"/> on <paramref name="spots"/>; the run closes it when it ends.</summary>
    public LiveFrameSampler Open(Guid sessionId, IReadOnlyList<ParkingSpot> spots)
    {
        var sampler = new LiveFrameSampler(new SpotSampler(models().Model, pipeline.Frames), spots, options, time, logger);
        _running[sessionId] = sampler;
        return sampler;
    }

    /// <summary>The analysis ended: its sampler tells a waiting capture so, lets its frames go and is forgotten; nothing happens when it had none.</summary>
    public void Close(Guid sessionId)
    {
        if (_running.TryRemove(sessionId, out var sampler)) sampler.Dispose();
    }
}
