namespace SmartSpot.Web.Sessions;

/// <summary>What a session analyses: the lot it runs on, its video, and the mask its spots came from when one was uploaded with the video.</summary>
/// <param name="VideoFileName">The client's file name, cleaned; for display only.</param>
/// <param name="VideoPath">Relative to the data directory (e.g. <c>uploads/1f0c….mp4</c>), so the directory can move.</param>
/// <param name="MaskFileName">The mask uploaded with the video (one-step start, SmartSpot 1); null when the spots are the lot's.</param>
/// <param name="MaskPath">Relative to the data directory, like the video's; null with <paramref name="MaskFileName"/>.</param>
public sealed record SessionSource(
    SessionKind Kind, Guid LotId, string VideoFileName, string VideoPath, string? MaskFileName = null, string? MaskPath = null);
