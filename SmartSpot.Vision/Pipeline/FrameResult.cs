using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Pipeline;

/// <summary>One analysed frame. <see cref="Frame"/> is lent: valid until the pipeline moves on, clone it to keep it.</summary>
/// <param name="ClassifiedSpots">Spots sent to the classifier for this frame.</param>
/// <param name="Verdicts">The classifier's verdict on each of <paramref name="ClassifiedSpots"/>, in the same order (with its embedding when the classifier was asked for it).</param>
public sealed record FrameResult(Frame Frame, OccupancySnapshot Snapshot, IReadOnlyList<ParkingSpot> ClassifiedSpots, IReadOnlyList<SpotClassification> Verdicts)
{
    /// <summary>How many spots were classified for this frame.</summary>
    public int Classified => ClassifiedSpots.Count;
}
