namespace SmartSpot.Alerts.Delivery;

/// <summary>What happened in one delivery log entry.</summary>
public enum DeliveryOutcome
{
    /// <summary>The receiver took the event (webhook 2xx, MQTT broker acknowledged).</summary>
    Delivered,

    /// <summary>One attempt failed; another follows after a backoff.</summary>
    AttemptFailed,

    /// <summary>No attempt is left, or the receiver refused the event for good (a 4xx other than 408/429): the event is lost.</summary>
    GaveUp,

    /// <summary>The queue was full: the event was dropped without an attempt.</summary>
    Dropped,

    /// <summary>Connected to the broker.</summary>
    Connected,

    /// <summary>Lost or could not reach the broker; reconnecting with backoff.</summary>
    Disconnected,
}
