using SmartSpot.Web.Sessions;

namespace SmartSpot.Web.Storage;

/// <summary>One analysis as stored: its files, its video, its progress and final counts.</summary>
public sealed class SessionEntity
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The client's file names, for display only.</summary>
    public required string VideoFileName { get; set; }

    /// <summary>Empty when the spots came from the lot (drawn or imported) rather than from a mask uploaded with the video (SQLite cannot make a column nullable without rebuilding its table).</summary>
    public required string MaskFileName { get; set; }

    /// <summary>Where the files are kept, relative to the data directory (databases of SmartSpot 1 held absolute paths; the start-up rewrites them).</summary>
    public required string VideoPath { get; set; }

    public required string MaskPath { get; set; }

    /// <summary>The lot this analysis ran on; indexed, not a foreign key (adding one to an existing SQLite table rebuilds it), so lots are only deleted while no analysis refers to them.</summary>
    public Guid LotId { get; set; }

    public SessionKind Kind { get; set; }

    public SessionStatus Status { get; set; }

    public string? Error { get; set; }

    /// <summary>Video seconds per second; null = as fast as possible.</summary>
    public double? Speed { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public double Fps { get; set; }

    public int FrameCount { get; set; }

    public int FramesDone { get; set; }

    public int SpotCount { get; set; }

    public int Free { get; set; }

    public int Occupied { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public List<SpotEntity> Spots { get; set; } = [];
}
