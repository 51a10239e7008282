using SmartSpot.Vision.Spots;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Web.Lots;

/// <summary>A lot as a list shows it: name, video, how many spots and zones, and its analyses.</summary>
/// <param name="LastAnalysedAt">When its newest analysis was created; null before the first.</param>
public sealed record LotSummary(
    Guid Id, string Name, DateTimeOffset CreatedAt, SessionKind Kind, string VideoFileName, string? LiveUrl, PixelSize FrameSize,
    int SpotCount, int ZoneCount, int SessionCount, DateTimeOffset? LastAnalysedAt);
