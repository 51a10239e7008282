using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Vision.Rendering;

/// <summary>How an annotated frame is turned into a JPEG for viewers.</summary>
public sealed record FrameRenderOptions
{
    /// <summary>Frames wider than this are scaled down before encoding. Default 1280: sharp on a dashboard, light on the wire.</summary>
    [Range(160, 7680)]
    public int MaxWidth { get; init; } = 1280;

    /// <summary>JPEG quality 1-100. Default 70: boxes stay crisp at about a tenth of the raw size.</summary>
    [Range(1, 100)]
    public int JpegQuality { get; init; } = 70;
}
