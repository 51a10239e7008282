using SmartSpot.Web.Sessions;

namespace SmartSpot.Web.Lots;

/// <summary>Where a lot's pictures come from: its video (uploaded, or the demo lot's), and the camera's live stream address when one is known.</summary>
/// <param name="VideoFileName">The client's file name, cleaned; for display only.</param>
/// <param name="VideoPath">Relative to the data directory, like a session's.</param>
/// <param name="LiveUrl">rtsp://, http(s):// address of the camera; stored for live analysis, not used yet.</param>
public sealed record LotSource(SessionKind Kind, string VideoFileName, string VideoPath, string? LiveUrl = null);
