using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Vision.Occupancy;

/// <summary>How sure the engine must be before a spot changes status.</summary>
public sealed record OccupancyOptions
{
    /// <summary>Consecutive agreeing classifications before a spot flips. Default 3: a passer-by does not flip it.</summary>
    [Range(1, 100)]
    public int ConfirmationCount { get; init; } = 3;
}
