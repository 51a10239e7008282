using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Vision.Change;

/// <summary>When a spot's pixels count as changed.</summary>
public sealed record ChangeOptions
{
    /// <summary>Mean absolute luma difference, in grey levels (0-255), from the spot's pixels at its last classification. Default 10: above video noise, below any car.</summary>
    [Range(0.5, 255)]
    public double Threshold { get; init; } = 10;

    /// <summary>Every spot is re-classified at least once per this many analysed frames, staggered across spots. Default 150 (5 s at 30 fps).</summary>
    [Range(1, 100_000)]
    public int RefreshInterval { get; init; } = 150;
}
