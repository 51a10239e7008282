using SmartSpot.Alerts.Evaluation;
using SmartSpot.Alerts.Observations;

namespace SmartSpot.Alerts.Delivery;

/// <summary>Somewhere alert events (and, for publishers of state, the latest observations) go. Queues, never blocks the caller.</summary>
public interface IAlertDelivery
{
    /// <summary>Short name used in the delivery log ("webhook", "mqtt").</summary>
    string Name { get; }

    /// <summary>Events dropped because the delivery's queue was full.</summary>
    long Dropped { get; }

    /// <summary>Queues an event; when the queue is full the event is dropped, counted and logged.</summary>
    void Enqueue(AlertEvent alert);

    /// <summary>Takes a scope's latest spots; deliveries that carry only events ignore it.</summary>
    void Publish(ScopeObservation observation)
    {
    }

    /// <summary>Takes a camera's latest state; deliveries that carry only events ignore it.</summary>
    void Publish(CameraObservation observation)
    {
    }

    /// <summary>Sends what is queued until <paramref name="cancellationToken"/> is cancelled.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
