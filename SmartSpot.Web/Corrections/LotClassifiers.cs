using SmartSpot.Vision;
using SmartSpot.Vision.Classification;

namespace SmartSpot.Web.Corrections;

/// <summary>
/// The classifier of one analysis of a lot: the lot's head over the models when it is calibrated, the generic classifier
/// otherwise. A head fitted on another model (the shipped model was updated since) is fitted again on the lot's stored
/// corrections first, so an update never leaves a calibrated lot unable to run.
/// </summary>
/// <param name="generic">A new generic classifier per analysis (the cascade remembers verdicts per spot).</param>
/// <param name="models">The process's models, loaded on first use.</param>
public sealed class LotClassifiers(Func<ISpotClassifier> generic, Func<SpotClassifierFactory> models, CalibrationRepository repository, LotCalibrator calibrator)
{
    /// <summary>Who a head fitted again after a model update is recorded as having been calibrated by.</summary>
    public const string RefittedBy = "SmartSpot, after a model update";

    public async Task<ISpotClassifier> ForAnalysisAsync(Guid lotId, CancellationToken cancellationToken)
    {
        if (await repository.HeadAsync(lotId, cancellationToken) is not { } applied) return generic();
        if (!applied.Head.Model.IsSameModel(models().Model.Identity))
        {
            try
            {
                applied = await calibrator.CalibrateAsync(lotId, RefittedBy, cancellationToken);
            }
            catch (InvalidInputException shortfall)
            {
                throw new InvalidInputException(
                    $"This lot was calibrated on an earlier model, and its head cannot be fitted again on the current one: {shortfall.Message} Or undo the calibration to analyse with the generic model.", shortfall);
            }
        }
        return models().CreateForAnalysis(applied.Head);
    }
}
