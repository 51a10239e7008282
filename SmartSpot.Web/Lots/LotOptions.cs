using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Web.Lots;

/// <summary>What a lot may hold; bound from <c>SmartSpot:Lots</c>.</summary>
public sealed record LotOptions
{
    public const string Section = "SmartSpot:Lots";

    /// <summary>Most spots in one lot. Default 5,000: ten times the largest lot one camera covers, small enough for the editor.</summary>
    [Range(1, 100_000)]
    public int MaxSpots { get; init; } = 5000;

    /// <summary>Most zones in one lot. Default 200: a zone per row of a large garage level.</summary>
    [Range(1, 10_000)]
    public int MaxZones { get; init; } = 200;

    /// <summary>
    /// Share of the smaller spot two spots may both cover and still count as touching, not overlapping. Default 0.02:
    /// hand-drawn neighbours that share a painted line overlap by a sliver; a real overlap is far more.
    /// </summary>
    [Range(0.0, 0.5)]
    public double OverlapTolerance { get; init; } = 0.02;

    /// <summary>Largest lot file (JSON) accepted for import, in bytes. Default 4 MB: 5,000 spots with zones take under 1 MB.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxLotFileBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>How far the frame a file's spots were drawn on and the lot's video may differ in aspect ratio. Default 2 %, as for masks.</summary>
    [Range(0.0, 0.5)]
    public double AspectTolerance { get; init; } = 0.02;
}
