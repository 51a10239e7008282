using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Web.Corrections;

/// <summary>How operators' corrections are taken and kept; bound from <c>SmartSpot:Corrections</c>.</summary>
public sealed record CorrectionOptions
{
    public const string Section = "SmartSpot:Corrections";

    /// <summary>
    /// Frames "Check this camera" shows, spread over the lot's last analysed video; on a camera lot, the frames a running live analysis keeps
    /// (one every <see cref="LiveSampleMinutes"/>) plus the current one. Default 3: a few minutes of an operator's time for a lot of 50 spots.
    /// </summary>
    [Range(1, 20)]
    public int CheckFrames { get; init; } = 3;

    /// <summary>
    /// Minutes between the frames a running live analysis keeps for "Check this camera" (the newest <see cref="CheckFrames"/>, in memory,
    /// the first one kept at once). Each is the frame as a JPEG plus every spot's crop as a PNG: about 1 MB for 50 spots of a 1080p camera,
    /// so at most about <see cref="CheckFrames"/> MB per live analysis. Default 20: three kept frames span the last hour.
    /// </summary>
    [Range(0.01, 24 * 60)]
    public double LiveSampleMinutes { get; init; } = 20;

    /// <summary>Seconds a correction on a live camera waits for the next analysed frame before it says the camera sends none. Default 10: a camera that sends no frame for that long is stalled.</summary>
    [Range(1, 300)]
    public double CaptureTimeoutSeconds { get; init; } = 10;

    /// <summary>Corrections a lot keeps at most. Default 5,000 (a few tens of MB of crops): far more than a head needs; delete some to add more.</summary>
    [Range(1, 1_000_000)]
    public int MaxPerLot { get; init; } = 5_000;
}
