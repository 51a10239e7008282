using SmartSpot.Web.Sessions;

namespace SmartSpot.Web.Storage;

/// <summary>One lot (a camera) as stored: its name, its video, the frame size its spots are drawn in, its spots and zones.</summary>
public sealed class LotEntity
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Where the video comes from (an upload or the demo lot).</summary>
    public SessionKind Kind { get; set; }

    /// <summary>The client's file name, for display only.</summary>
    public required string VideoFileName { get; set; }

    /// <summary>Relative to the data directory, like a session's.</summary>
    public required string VideoPath { get; set; }

    /// <summary>The camera's live stream address, kept for live analysis; null when none was given.</summary>
    public string? LiveUrl { get; set; }

    /// <summary>The size of the frame the spots are drawn in (the video's).</summary>
    public int FrameWidth { get; set; }

    public int FrameHeight { get; set; }

    /// <summary>Playback speed of the lot's analyses; null = the server's default.</summary>
    public double? Speed { get; set; }

    public List<LotSpotEntity> Spots { get; set; } = [];

    public List<ZoneEntity> Zones { get; set; } = [];
}
