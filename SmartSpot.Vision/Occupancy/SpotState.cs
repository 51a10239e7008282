using SmartSpot.Vision.Classification;

namespace SmartSpot.Vision.Occupancy;

/// <summary>A spot's confirmed status and since when it has held.</summary>
/// <param name="Confidence">The calibrated confidence of the latest classification that agreed with <paramref name="Status"/>, 0.5 to 1.</param>
/// <param name="Uncertain">The confidence is below <see cref="OccupancyOptions.UncertainBelow"/>: an operator should not trust this spot blindly.</param>
public sealed record SpotState(int SpotId, SpotStatus Status, float Confidence, int SinceFrame, TimeSpan SinceTime, bool Uncertain = false);
