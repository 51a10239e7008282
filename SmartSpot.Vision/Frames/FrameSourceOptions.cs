using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Vision.Frames;

/// <summary>How a frame source reads its video.</summary>
public sealed record FrameSourceOptions
{
    /// <summary>Yield every Nth frame (1 = every frame). Default 1: the analysis sees everything.</summary>
    [Range(1, 1000)]
    public int AnalyzeEvery { get; init; } = 1;

    /// <summary>Frames decoded ahead of the analysis. Default 2: decode overlaps analysis without hoarding memory.</summary>
    [Range(1, 16)]
    public int ReadAhead { get; init; } = 2;
}
