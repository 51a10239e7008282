namespace SmartSpot.Web.Components.Occupancy;

/// <summary>An annotated frame ready for the browser.</summary>
/// <param name="Sequence">Grows with every new frame of the same analysis.</param>
/// <param name="AnalysedAt">When the server finished the frame, to measure display lag.</param>
public sealed record JpegFrame(long Sequence, byte[] Jpeg, DateTimeOffset AnalysedAt);
