namespace SmartSpot.Web.Sessions;

/// <summary>What a session analyses: its kind, the operator's file names, and where the files are kept.</summary>
/// <param name="VideoFileName">The client's file name, cleaned; for display only.</param>
/// <param name="VideoPath">Relative to the data directory (e.g. <c>uploads/1f0c….mp4</c>), so the directory can move.</param>
public sealed record SessionSource(SessionKind Kind, string VideoFileName, string MaskFileName, string VideoPath, string MaskPath);
