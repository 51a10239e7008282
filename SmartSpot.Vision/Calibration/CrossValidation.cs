using SmartSpot.Vision.Evaluation;

namespace SmartSpot.Vision.Calibration;

/// <summary>
/// How a lot's labels were judged by the generic model and by heads fitted on the other folds' spots (k-fold grouped by
/// spot: no label is scored by a head fitted on its own spot): "generic X %, calibrated Y %, on N labels".
/// </summary>
/// <param name="Folds">Folds the spots were dealt into (fewer than asked when the labels come from fewer spots).</param>
/// <param name="Spots">Distinct spots among the labels.</param>
/// <param name="FoldsKeptGeneric">Folds whose other folds held too few labels of a class to fit a head: their labels got the generic verdict, as the lot would.</param>
/// <param name="Generic">The generic model's verdicts against the labels.</param>
/// <param name="Calibrated">The out-of-fold verdicts against the labels.</param>
/// <param name="GenericCalibrationError">Expected calibration error of the generic confidences (0 = honest; <see cref="Reliability"/>).</param>
/// <param name="CalibratedCalibrationError">The same for the out-of-fold confidences.</param>
public sealed record CrossValidation(
    int Folds, int Spots, int FoldsKeptGeneric, ConfusionMatrix Generic, ConfusionMatrix Calibrated, double GenericCalibrationError, double CalibratedCalibrationError)
{
    /// <summary>Labelled crops.</summary>
    public int Labels => Generic.Total;

    public int FreeLabels => Generic.FreeAsFree + Generic.FreeAsOccupied;

    public int OccupiedLabels => Generic.OccupiedAsFree + Generic.OccupiedAsOccupied;

    public double GenericAccuracy => Generic.Accuracy;

    public double CalibratedAccuracy => Calibrated.Accuracy;
}
