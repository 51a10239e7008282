using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Web.Corrections;

/// <summary>How operators' corrections are taken and kept; bound from <c>SmartSpot:Corrections</c>.</summary>
public sealed record CorrectionOptions
{
    public const string Section = "SmartSpot:Corrections";

    /// <summary>Frames "Check this camera" shows, spread over the lot's last analysed video. Default 3: a few minutes of an operator's time for a lot of 50 spots.</summary>
    [Range(1, 20)]
    public int CheckFrames { get; init; } = 3;

    /// <summary>Corrections a lot keeps at most. Default 5,000 (a few tens of MB of crops): far more than a head needs; delete some to add more.</summary>
    [Range(1, 1_000_000)]
    public int MaxPerLot { get; init; } = 5_000;
}
