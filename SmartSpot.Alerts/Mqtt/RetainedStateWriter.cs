using System.Globalization;
using System.Text.Json;
using SmartSpot.Alerts.Delivery;
using SmartSpot.Alerts.Observations;
using SmartSpot.Vision.Classification;

namespace SmartSpot.Alerts.Mqtt;

/// <summary>Writes observations into the retained topics: counts per scope, spot states from lot observations, camera
/// states, and each entity's Home Assistant discovery config the first time it is seen. Unchanged spots cost a comparison.</summary>
internal sealed class RetainedStateWriter(MqttOptions options, MqttTopics topics, RetainedMessages retained)
{
    private readonly HomeAssistantDiscovery _discovery = new(options, topics);
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Lot, int Spot), ObservedSpot> _spots = [];
    private readonly HashSet<string> _announced = [];

    public void Write(ScopeObservation observation)
    {
        var scope = observation.Scope;
        lock (_lock)
        {
            if (options.Discovery && _announced.Add(scope.Key))
            {
                foreach (var (topic, payload) in _discovery.ForScope(scope)) retained.Set(topic, payload);
            }
            retained.Set(topics.Free(scope), observation.Free.ToString(CultureInfo.InvariantCulture));
            retained.Set(topics.Occupied(scope), observation.Occupied.ToString(CultureInfo.InvariantCulture));
            // Spot states come from the lot's observations only: a zone's are the same spots again.
            foreach (var spot in scope.Lot is null ? observation.Spots : [])
            {
                if (_spots.TryGetValue((scope.Id, spot.Id), out var last) && last == spot) continue;
                _spots[(scope.Id, spot.Id)] = spot;
                retained.Set(topics.Spot(scope, spot.Id), SpotPayload(spot));
                if (options.Discovery && options.DiscoverSpots && last is null)
                {
                    var (topic, payload) = _discovery.ForSpot(scope, spot.Id);
                    retained.Set(topic, payload);
                }
            }
        }
    }

    public void Write(CameraObservation observation)
    {
        lock (_lock)
        {
            if (options.Discovery && _announced.Add(observation.Lot.Key + "/camera"))
            {
                var (topic, payload) = _discovery.ForCamera(observation.Lot);
                retained.Set(topic, payload);
            }
            retained.Set(topics.Camera(observation.Lot), observation.Online ? "online" : "offline");
        }
    }

    private static string SpotPayload(ObservedSpot spot) => JsonSerializer.Serialize(
        new { status = spot.Status == SpotStatus.Occupied ? "occupied" : "free", since = spot.Since }, AlertPayload.JsonOptions);
}
