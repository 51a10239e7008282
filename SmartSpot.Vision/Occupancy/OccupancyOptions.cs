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
    /// Default 0.8: of such verdicts about one in five or more is wrong (docs/model.md). 0.5 shows none as uncertain.
    /// </summary>
    [Range(0.5, 1.0)]
    public float UncertainBelow { get; init; } = 0.8f;
}
