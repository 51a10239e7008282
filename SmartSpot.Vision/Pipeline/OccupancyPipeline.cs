using System.Runtime.CompilerServices;
using SmartSpot.Vision.Change;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;

namespace SmartSpot.Vision.Pipeline;

/// <summary>Frames in, occupancy out: detect changed spots, classify them in one batch, confirm flips.</summary>
public sealed class OccupancyPipeline(ISpotClassifier classifier, PipelineOptions options, TimeProvider? time = null)
{
    /// <param name="playback">Paces and pauses the run; null runs as fast as possible.</param>
    public async IAsyncEnumerable<FrameResult> RunAsync(
        AnalysisInput input,
        PlaybackControl? playback,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var spots = input.Spots.Spots;
        using var detector = new SpotChangeDetector(options.Change);
        var state = new OccupancyState(spots, options.Occupancy);
        var pacer = playback is null ? null : new FramePacer(playback, time ?? TimeProvider.System);
        await foreach (var frame in input.Source.ReadAsync(cancellationToken))
        {
            using (frame)
            {
                if (pacer is not null)
                {
                    await pacer.WaitForAsync(frame.Timestamp, cancellationToken);
                }
                var changed = detector.FindChanged(frame.Image, spots);
                var toClassify = changed.Count == spots.Count ? changed : changed.Union(state.Undecided).ToList();
                var verdicts = classifier.Classify(frame.Image, toClassify);
                detector.Remember(toClassify);
                var snapshot = state.Update(frame.Index, frame.Timestamp, toClassify, verdicts);
                yield return new FrameResult(frame, snapshot, toClassify, verdicts);
            }
        }
    }
}
