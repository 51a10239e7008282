using SmartSpot.Alerts.Rules;
using SmartSpot.Vision.Classification;

namespace SmartSpot.Alerts.Observations;

/// <summary>The spots of one lot or zone as they are now; the counts are derived from them.</summary>
public sealed record ScopeObservation(AlertScope Scope, IReadOnlyList<ObservedSpot> Spots)
{
    public int Total => Spots.Count;

    public int Occupied { get; } = Spots.Count(spot => spot.Status == SpotStatus.Occupied);

    public int Free => Total - Occupied;
}
