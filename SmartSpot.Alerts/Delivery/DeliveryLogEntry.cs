namespace SmartSpot.Alerts.Delivery;

/// <summary>One line of the delivery log.</summary>
/// <param name="Delivery">"webhook" or "mqtt".</param>
/// <param name="AlertId">The event concerned; null for connection entries.</param>
/// <param name="Attempt">1 for the first try; 0 when no attempt was made.</param>
/// <param name="StatusCode">The webhook receiver's HTTP status, when it answered.</param>
/// <param name="Error">What went wrong, in one line; null on success.</param>
public sealed record DeliveryLogEntry(
    DateTimeOffset At, string Delivery, DeliveryOutcome Outcome, Guid? AlertId, int Attempt, int? StatusCode, string? Error);
