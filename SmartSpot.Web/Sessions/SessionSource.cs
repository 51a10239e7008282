namespace SmartSpot.Web.Sessions;

/// <summary>What a session analyses: its kind, the operator's file names, and where the files are kept.</summary>
/// <param name="VideoFileName">The client's file name, cleaned; for a stream its URL with the credentials masked. For display only.</param>
/// <param name="VideoPath">Relative to the data directory (e.g. <c>uploads/1f0c….mp4</c>), so the directory can move; for a stream its masked URL.</param>
/// <param name="StreamUrl">
/// A stream's URL as the operator gave it, credentials included: kept in memory only, never stored, logged or shown.
/// Null for files, and for a stream read back from the database (then <paramref name="VideoPath"/> is all there is).
/// </param>
public sealed record SessionSource(SessionKind Kind, string VideoFileName, string MaskFileName, string VideoPath, string MaskPath, string? StreamUrl = null)
{
    /// <summary>The record without the stream's credentials, for anything that prints records.</summary>
    public override string ToString() => $"{Kind} {VideoFileName} with {MaskFileName}";
}
