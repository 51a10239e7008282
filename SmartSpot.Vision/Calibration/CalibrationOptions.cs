using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Vision.Calibration;

/// <summary>How a per-lot head is fitted on labelled crops (see <see cref="LotHeadTrainer"/>).</summary>
public sealed record CalibrationOptions
{
    /// <summary>
    /// Labelled crops of each class (free and occupied) a lot needs before a head is fitted. Default 5: with fewer of a
    /// class the head would only learn where that class is not, so the generic model's verdict is kept instead.
    /// </summary>
    [Range(1, 100_000)]
    public int MinimumPerClass { get; init; } = 5;

    /// <summary>
    /// L2 penalty (λ/2)·‖w‖² on the head's weights, against the summed log-loss of the labels, on standardised embeddings.
    /// Default 1: the setting of the measured table in docs/model.md ("Calibrating to your camera"; bench/CalibrationCurve --l2 compares others).
    /// </summary>
    [Range(1e-6, 1e6)]
    public double L2 { get; init; } = 1.0;

    /// <summary>Folds of the cross-validation, grouped by spot (fewer when the labels come from fewer spots). Default 5.</summary>
    [Range(2, 50)]
    public int Folds { get; init; } = 5;
}
