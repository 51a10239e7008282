namespace SmartSpot.Web.Corrections;

/// <summary>
/// What a lot's page and API say about its camera: the operator's labels, the measured accuracy of the model in use on
/// them (unknown before any check) and the head, if the lot is calibrated.
/// </summary>
/// <param name="Checks">Labels given while the model now in use (this head, or the generic model) judged the lot.</param>
/// <param name="Agreed">Of those, the ones it got right.</param>
/// <param name="Head">The lot's head; null when its analyses use the generic model.</param>
public sealed record CalibrationStatus(int FreeLabels, int OccupiedLabels, int MinimumPerClass, int Checks, int Agreed, AppliedHead? Head)
{
    public int Labels => FreeLabels + OccupiedLabels;

    /// <summary>Share of <see cref="Checks"/> the model in use got right; null (unknown) before any check, never a figure from elsewhere.</summary>
    public double? MeasuredAccuracy => Checks == 0 ? null : (double)Agreed / Checks;

    public bool CanCalibrate => FreeLabels >= MinimumPerClass && OccupiedLabels >= MinimumPerClass;

    /// <summary>What is missing before a calibration can be fitted, in an operator's words; null when nothing is.</summary>
    public string? Shortfall => CanCalibrate ? null : Labels == 0
        ? $"This lot has no labels yet. Calibration needs at least {MinimumPerClass} free and {MinimumPerClass} occupied spots labelled: use \"Check this camera\", or correct spots on an analysis of the lot."
        : $"Calibration needs at least {MinimumPerClass} free and {MinimumPerClass} occupied labels; this lot has {FreeLabels} free and {OccupiedLabels} occupied. "
          + $"Label {Needed(FreeLabels, "free")}{(FreeLabels < MinimumPerClass && OccupiedLabels < MinimumPerClass ? " and " : "")}{Needed(OccupiedLabels, "occupied")} more (\"Check this camera\", or correct spots on an analysis).";

    private string Needed(int have, string what) => have >= MinimumPerClass ? "" : $"{MinimumPerClass - have} {what}";
}
