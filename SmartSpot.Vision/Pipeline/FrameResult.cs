using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Occupancy;

namespace SmartSpot.Vision.Pipeline;

/// <summary>One analysed frame. <see cref="Frame"/> is lent: valid until the pipeline moves on, clone it to keep it.</summary>
/// <param name="Classified">Spots sent to the classifier for this frame.</param>
public sealed record FrameResult(Frame Frame, OccupancySnapshot Snapshot, int Classified);
