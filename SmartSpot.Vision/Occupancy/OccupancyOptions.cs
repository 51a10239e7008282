using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Vision.Occupancy;

/// <summary>How sure the engine must be before a spot changes status.</summary>
public sealed record OccupancyOptions
{
    /// <summary>Consecutive agreeing classifications before a spot flips. Default 3: a passer-by does not flip it.</summary>
    [Range(1, 100)]
    public int ConfirmationCount { get; init; } = 3;

    /// <summary>
    /// A spot whose latest calibrated confidence is below this is shown as uncertain (hatched tile, dashed box).
    /// Default 0.8: on lots the model never saw, about two in five verdicts under 0.8 are wrong, and about 6 % of
    /// all verdicts fall there (docs/model.md, "Honest confidence"). 0.5 marks none; 0.95 marks about one spot in six.
    /// </summary>
    [Range(0.5, 1.0)]
    public float UncertainBelow { get; init; } = 0.8f;
}
