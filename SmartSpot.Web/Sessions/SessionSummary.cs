using SmartSpot.Vision.Frames;

namespace SmartSpot.Web.Sessions;

/// <summary>An analysis at one moment, immutable: what a list line, a page header or an API answer shows. Live or stored, the same shape.</summary>
/// <param name="LotId">The lot (camera) the analysis ran on.</param>
/// <param name="MaskFileName">The mask uploaded with the video; null when the spots were the lot's.</param>
/// <param name="Video">Size, fps and frame count (Source is the client's file name); null until the input was opened.</param>
/// <param name="Speed">Video seconds per second; null = as fast as possible.</param>
public sealed record SessionSummary(
    Guid Id,
    string Name,
    DateTimeOffset CreatedAt,
    SessionKind Kind,
    Guid LotId,
    string VideoFileName,
    string? MaskFileName,
    SessionStatus Status,
    string? Error,
    VideoInfo? Video,
    int SpotCount,
    int FramesDone,
    int Free,
    int Occupied,
    double? Speed,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>Frames the video announces; 0 when unknown.</summary>
    public int FrameCount => Video?.FrameCount ?? 0;

    /// <summary>0 to 1; 0 while the frame count is unknown (1 once completed).</summary>
    public double Progress => FrameCount > 0 ? Math.Min(1.0, (double)FramesDone / FrameCount) : Status == SessionStatus.Completed ? 1 : 0;

    public bool IsActive => Status.IsActive();
}
