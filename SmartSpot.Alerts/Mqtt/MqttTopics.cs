using SmartSpot.Alerts.Rules;

namespace SmartSpot.Alerts.Mqtt;

/// <summary>SmartSpot's topic layout under the base topic (see the README's "Alerts and MQTT").</summary>
public sealed class MqttTopics(string baseTopic)
{
    /// <summary>"online" or "offline" (retained; the broker sends "offline" as SmartSpot's last will).</summary>
    public string Availability => $"{baseTopic}/status";

    /// <summary>"{base}/{lot}" for a lot, "{base}/{lot}/zones/{zone}" for a zone.</summary>
    public string Scope(AlertScope scope) => scope.Lot is null ? $"{baseTopic}/{scope.Id}" : $"{baseTopic}/{scope.Lot.Id}/zones/{scope.Id}";

    /// <summary>The free count as a plain integer (retained).</summary>
    public string Free(AlertScope scope) => $"{Scope(scope)}/free";

    /// <summary>The occupied count as a plain integer (retained).</summary>
    public string Occupied(AlertScope scope) => $"{Scope(scope)}/occupied";

    /// <summary>Alert events of the scope's rules as JSON (not retained).</summary>
    public string Events(AlertScope scope) => $"{Scope(scope)}/events";

    /// <summary>One spot of a lot: <c>{"status":"free"|"occupied","since":ISO 8601}</c> (retained).</summary>
    public string Spot(AlertScope lot, int spotId) => $"{Scope(lot)}/spots/{spotId}";

    /// <summary>"online" or "offline" for a lot's camera (retained).</summary>
    public string Camera(AlertScope lot) => $"{Scope(lot)}/camera";
}
