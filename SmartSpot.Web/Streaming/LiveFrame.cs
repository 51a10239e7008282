namespace SmartSpot.Web.Streaming;

/// <summary>An annotated frame of a running analysis, JPEG-encoded once and shared by all its viewers.</summary>
/// <param name="Sequence">Increases with every frame the feed encodes; a viewer redraws when it changes.</param>
/// <param name="FrameIndex">Zero-based frame number in the video.</param>
/// <param name="VideoTime">Position of the frame in the video.</param>
/// <param name="AnalysedAt">When the frame was analysed.</param>
/// <param name="Jpeg">The annotated frame, at most SmartSpot:Stream:MaxWidth wide; never written to.</param>
public sealed record LiveFrame(long Sequence, int FrameIndex, TimeSpan VideoTime, DateTimeOffset AnalysedAt, byte[] Jpeg);
