using SmartSpot.Vision.Calibration;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Web.Corrections;

/// <summary>A few frames of a lot's last analysed video, every spot cut out and judged by the model in use, for the operator to confirm or flip.</summary>
/// <param name="SessionId">The analysis whose video the frames come from.</param>
/// <param name="VideoSize">Size of the frames, for drawing the spots over them.</param>
/// <param name="Spots">The analysis's spots in the frames' pixels, in id order.</param>
/// <param name="Head">The head in use, whose verdicts are shown; null under the generic model.</param>
public sealed record CameraCheck(
    Guid LotId, Guid SessionId, string SessionName, PixelSize VideoSize, IReadOnlyList<ParkingSpot> Spots, IReadOnlyList<SampledFrame> Frames, AppliedHead? Head)
{
    /// <summary>The verdict shown for a spot: the head's when there is one, else the generic model's.</summary>
    public SpotStatus VerdictOf(SpotSample sample) => (Head?.Head.Apply(sample.Verdict) ?? sample.Verdict).Status;
}
