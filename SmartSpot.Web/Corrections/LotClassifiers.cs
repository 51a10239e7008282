using SmartSpot.Vision.Classification;

namespace SmartSpot.Web.Corrections;

/// <summary>The classifier of one analysis of a lot: the lot's head over the models when it is calibrated (<see cref="LotCalibrator.HeadInUseAsync"/>), the generic classifier otherwise.</summary>
/// <param name="generic">A new generic classifier per analysis (the cascade remembers verdicts per spot).</param>
/// <param name="models">The process's models, loaded on first use.</param>
public sealed class LotClassifiers(Func<ISpotClassifier> generic, Func<SpotClassifierFactory> models, LotCalibrator calibrator)
{
    public async Task<ISpotClassifier> ForAnalysisAsync(Guid lotId, CancellationToken cancellationToken) =>
        await calibrator.HeadInUseAsync(lotId, cancellationToken) is { } head ? models().CreateForAnalysis(head.Head) : generic();
}
