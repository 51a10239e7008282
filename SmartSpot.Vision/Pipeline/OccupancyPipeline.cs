using System.Runtime.CompilerServices;
using SmartSpot.Vision.Change;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;

namespace SmartSpot.Vision.Pipeline;

/// <summary>Frames in, occupancy out: detect changed spots on luma, classify their crops in one batch, confirm flips.</summary>
public sealed class OccupancyPipeline(ISpotClassifier classifier, PipelineOptions options, TimeProvider? time = null)
{
    /// <param name="playback">Paces and pauses the run; null runs as fast as possible.</param>
    public async IAsyncEnumerable<FrameResult> RunAsync(
        AnalysisInput input,
        PlaybackControl? playback,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var spots = input.Spots.Spots;
        var detector = new SpotChangeDetector(options.Change);
        using var cropper = new SpotCropper();
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
                var changed = detector.FindChanged(frame, spots);
                var toClassify = changed.Count == spots.Count ? changed : changed.Union(state.Undecided).ToList();
                var verdicts = classifier.Classify(new SpotCrops(frame, toClassify, cropper));
                detector.Remember(frame, toClassify);
                var snapshot = state.Update(frame.Index, frame.Timestamp, toClassify, verdicts, frame.FollowsGap);
                yield return new FrameResult(frame, snapshot, toClassify, verdicts);
            }
        }
    }
}
