namespace SmartSpot.Web.Services;

/// <summary>The latest annotated frame of a running analysis, JPEG-encoded once and shared by all its viewers.</summary>
/// <param name="Sequence">Increases with every frame published for the session; a viewer redraws when it changes.</param>
/// <param name="FrameIndex">Zero-based frame number in the video.</param>
/// <param name="VideoTime">Position of the frame in the video.</param>
/// <param name="AnalysedAt">When the frame was analysed.</param>
/// <param name="Jpeg">The annotated frame, at most <see cref="StreamOptions.MaxWidth"/> wide.</param>
public sealed record LiveFrame(long Sequence, int FrameIndex, TimeSpan VideoTime, DateTimeOffset AnalysedAt, byte[] Jpeg);
