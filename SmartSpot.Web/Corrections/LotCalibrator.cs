using System.Globalization;
using SmartSpot.Vision;
using SmartSpot.Vision.Calibration;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Pipeline;

namespace SmartSpot.Web.Corrections;

/// <summary>
/// A lot's calibration: fits its head on its corrections (each crop embedded again by the shipped accurate model, then
/// <see cref="LotHeadTrainer"/>, cross-validated by spot), keeps it for the lot's next analyses, undoes it, and says how the camera is doing.
/// </summary>
public sealed class LotCalibrator(CalibrationRepository repository, Func<SpotClassifierFactory> models, CalibrationOptions calibration, PipelineOptions pipeline)
{
    /// <summary>Who a head fitted again after a model update is recorded as having been calibrated by.</summary>
    public const string RefittedBy = "SmartSpot, after a model update";

    /// <summary>The lot's labels, the measured accuracy of the model it uses now, and its head.</summary>
    public async Task<CalibrationStatus> StatusAsync(Guid lotId, CancellationToken cancellationToken)
    {
        var head = await repository.HeadAsync(lotId, cancellationToken);
        var (free, occupied, checks, agreed) = await repository.CountLabelsAsync(lotId, head?.HeadId, cancellationToken);
        return new CalibrationStatus(free, occupied, calibration.MinimumPerClass, checks, agreed, head);
    }

    /// <summary>
    /// Fits a head on the lot's corrections and makes it the lot's (its next analyses use it). Throws
    /// <see cref="InvalidInputException"/> saying how many labels of which class are missing.
    /// </summary>
    public async Task<AppliedHead> CalibrateAsync(Guid lotId, string by, CancellationToken cancellationToken)
    {
        var status = await StatusAsync(lotId, cancellationToken);
        if (status.Shortfall is { } shortfall) throw new InvalidInputException(shortfall);
        var crops = await repository.LabelledCropsAsync(lotId, cancellationToken);
        var head = await Task.Run(() =>
        {
            var model = models().Model;
            var sampler = new SpotSampler(model, pipeline.Frames);
            var examples = crops.Select(crop => new CalibrationExample(sampler.Judge(crop.Crop), crop.Label, crop.SpotId.ToString(CultureInfo.InvariantCulture))).ToList();
            return new LotHeadTrainer(calibration).Fit(examples, model.Identity);
        }, cancellationToken);
        return await repository.SaveHeadAsync(lotId, head, by, cancellationToken);
    }

    /// <summary>
    /// The lot's head for the model now in use; null when the lot is not calibrated. A head fitted on another model (the shipped model
    /// was updated since) is fitted again on the lot's stored corrections first, so an update never leaves a calibrated lot unable to
    /// run or judging with a head that reads another model's embedding. Throws <see cref="InvalidInputException"/> when the stored labels no longer suffice.
    /// </summary>
    public async Task<AppliedHead?> HeadInUseAsync(Guid lotId, CancellationToken cancellationToken)
    {
        var applied = await repository.HeadAsync(lotId, cancellationToken);
        if (applied is null || applied.Head.Model.IsSameModel(models().Model.Identity)) return applied;
        try
        {
            return await CalibrateAsync(lotId, RefittedBy, cancellationToken);
        }
        catch (InvalidInputException shortfall)
        {
            throw new InvalidInputException(
                $"This lot was calibrated on an earlier model, and its head cannot be fitted again on the current one: {shortfall.Message} Or undo the calibration to analyse with the generic model.", shortfall);
        }
    }

    /// <summary>Returns the lot to the generic model (its corrections stay); false when it was not calibrated.</summary>
    public Task<bool> UndoAsync(Guid lotId, CancellationToken cancellationToken) => repository.DeleteHeadAsync(lotId, cancellationToken);
}
