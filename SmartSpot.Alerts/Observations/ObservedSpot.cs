using SmartSpot.Vision.Classification;

namespace SmartSpot.Alerts.Observations;

/// <summary>One spot's confirmed status and since when it has had it (on the evaluator's clock).</summary>
/// <param name="Id">The spot's id in its lot (the engine's <c>ParkingSpot.Id</c>).</param>
public sealed record ObservedSpot(int Id, SpotStatus Status, DateTimeOffset Since);
