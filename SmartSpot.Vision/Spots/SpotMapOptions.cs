using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Vision.Spots;

/// <summary>How a mask image becomes a spot map.</summary>
public sealed record SpotMapOptions
{
    /// <summary>Shapes smaller than this many mask pixels are specks, not spots. Default 25.</summary>
    [Range(1, 1_000_000)]
    public int MinSpotArea { get; init; } = 25;

    /// <summary>Largest mask accepted, in pixels, checked from the header before decoding. Default 40 M (8K is 33 M).</summary>
    [Range(1, 500_000_000)]
    public long MaxMaskPixels { get; init; } = 40_000_000;

    /// <summary>How far mask and video aspect ratios may differ before the mask is refused. Default 2 %.</summary>
    [Range(0.0, 0.5)]
    public double AspectTolerance { get; init; } = 0.02;
}
