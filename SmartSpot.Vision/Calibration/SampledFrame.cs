namespace SmartSpot.Vision.Calibration;

/// <summary>One frame of a video with every spot cut out of it and judged (<see cref="SpotSampler"/>).</summary>
/// <param name="Index">Zero-based frame number in the video.</param>
/// <param name="Timestamp">Video time of the frame.</param>
/// <param name="Jpeg">The whole frame at the video's size, to show the operator what the spots looked like.</param>
/// <param name="Spots">The spots' crops and verdicts, in the order the spots were given.</param>
public sealed record SampledFrame(int Index, TimeSpan Timestamp, byte[] Jpeg, IReadOnlyList<SpotSample> Spots);
