using System.Text.Json.Nodes;
using SmartSpot.Alerts.Rules;

namespace SmartSpot.Alerts.Mqtt;

/// <summary>Home Assistant MQTT discovery configs (retained): free/occupied sensors per lot and zone, an occupancy binary sensor
/// per spot and a connectivity binary sensor per camera, each lot one device. Topics are
/// <c>{prefix}/{sensor|binary_sensor}/{node}/{object}/config</c>, node = the base topic with '/' as '_'.</summary>
internal sealed class HomeAssistantDiscovery(MqttOptions options, MqttTopics topics)
{
    private readonly string _node = options.BaseTopic.Replace('/', '_');

    public IEnumerable<(string Topic, string Payload)> ForScope(AlertScope scope)
    {
        // Home Assistant puts the device (lot) name first: "North camera Free", "North camera Row A free".
        yield return CountSensor(scope, "free", scope.Lot is null ? "Free" : $"{scope.Name} free", topics.Free(scope), "mdi:parking");
        yield return CountSensor(scope, "occupied", scope.Lot is null ? "Occupied" : $"{scope.Name} occupied", topics.Occupied(scope), "mdi:car");
    }

    public (string Topic, string Payload) ForSpot(AlertScope lot, int spotId)
    {
        var state = topics.Spot(lot, spotId);
        return Config("binary_sensor", $"{lot.Id}_spot_{spotId}", lot, new JsonObject
        {
            ["name"] = $"Spot {spotId}",
            ["device_class"] = "occupancy",
            ["state_topic"] = state,
            ["value_template"] = "{{ value_json.status }}",
            ["payload_on"] = "occupied",
            ["payload_off"] = "free",
            ["json_attributes_topic"] = state,
        });
    }

    public (string Topic, string Payload) ForCamera(AlertScope lot) => Config("binary_sensor", $"{lot.Id}_camera", lot, new JsonObject
    {
        ["name"] = "Camera",
        ["device_class"] = "connectivity",
        ["entity_category"] = "diagnostic",
        ["state_topic"] = topics.Camera(lot),
        ["payload_on"] = "online",
        ["payload_off"] = "offline",
    });

    private (string, string) CountSensor(AlertScope scope, string what, string name, string state, string icon) =>
        Config("sensor", $"{scope.Key.Replace('/', '_')}_{what}", scope.LotScope, new JsonObject
        {
            ["name"] = name,
            ["state_topic"] = state,
            ["unit_of_measurement"] = "spots",
            ["state_class"] = "measurement",
            ["icon"] = icon,
        });

    private (string, string) Config(string component, string objectId, AlertScope lot, JsonObject config)
    {
        config["unique_id"] = $"{_node}_{objectId}";
        config["availability_topic"] = topics.Availability;
        config["payload_available"] = "online";
        config["payload_not_available"] = "offline";
        config["device"] = new JsonObject
        {
            ["identifiers"] = new JsonArray($"{_node}_{lot.Id}"),
            ["name"] = lot.Name,
            ["manufacturer"] = "SmartSpot",
            ["model"] = "Parking lot camera",
        };
        config["origin"] = new JsonObject { ["name"] = "SmartSpot" };
        return ($"{options.DiscoveryPrefix}/{component}/{_node}/{objectId}/config", config.ToJsonString());
    }
}
