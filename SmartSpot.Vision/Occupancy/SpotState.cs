using SmartSpot.Vision.Classification;

namespace SmartSpot.Vision.Occupancy;

/// <summary>A spot's confirmed status and since when it has held.</summary>
public sealed record SpotState(int SpotId, SpotStatus Status, float Confidence, int SinceFrame, TimeSpan SinceTime);
