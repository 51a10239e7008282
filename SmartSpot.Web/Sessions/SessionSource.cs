namespace SmartSpot.Web.Sessions;

/// <summary>What a session analyses: the lot it runs on, its video (or camera), and the mask its spots came from when one was uploaded with it.</summary>
/// <param name="VideoFileName">The client's file name, cleaned; for a stream its URL with the credentials masked. For display only.</param>
/// <param name="VideoPath">Relative to the data directory (e.g. <c>uploads/1f0c….mp4</c>), so the directory can move; for a stream its masked URL.</param>
/// <param name="MaskFileName">The mask uploaded with the video or camera URL (one-step start, SmartSpot 1); null when the spots are the lot's.</param>
/// <param name="MaskPath">Relative to the data directory, like the video's; null with <paramref name="MaskFileName"/>.</param>
/// <param name="StreamUrl">
/// A stream's URL as the operator gave it, credentials included: kept in memory only, never stored, logged or shown.
/// Null for files, and for a stream read back from the database (then <paramref name="VideoPath"/> is all there is).
/// </param>
public sealed record SessionSource(
    SessionKind Kind, Guid LotId, string VideoFileName, string VideoPath, string? MaskFileName = null, string? MaskPath = null, string? StreamUrl = null)
{
    /// <summary>The record without the stream's credentials, for anything that prints records.</summary>
    public override string ToString() => MaskFileName is null ? $"{Kind} {VideoFileName} on lot {LotId}" : $"{Kind} {VideoFileName} with {MaskFileName}";
}
