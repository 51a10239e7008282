using SmartSpot.Alerts.Rules;

namespace SmartSpot.Alerts.Observations;

/// <summary>Whether a lot's camera delivers frames, and since when (on the evaluator's clock). Zone rules follow their lot's camera.</summary>
public sealed record CameraObservation(AlertScope Lot, bool Online, DateTimeOffset Since)
{
    public AlertScope Lot { get; } = Lot.Lot is null
        ? Lot
        : throw new ArgumentException($"'{Lot.Key}' is a zone; a camera belongs to a lot: pass its lot ('{Lot.Lot.Id}').", nameof(Lot));
}
