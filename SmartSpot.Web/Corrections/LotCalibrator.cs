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

    /// <summary>Returns the lot to the generic model (its corrections stay); false when it was not calibrated.</summary>
    public Task<bool> UndoAsync(Guid lotId, CancellationToken cancellationToken) => repository.DeleteHeadAsync(lotId, cancellationToken);
}
