using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SmartSpot.Alerts;
using SmartSpot.Alerts.Delivery;
using SmartSpot.Alerts.Evaluation;
using SmartSpot.Alerts.Mqtt;
using SmartSpot.Alerts.Observations;

namespace SmartSpot.Tests.Alerts.Mqtt;

/// <summary>Against a real Mosquitto on 127.0.0.1, started per test.</summary>
public sealed class MqttPublisherTests : IAsyncLifetime
{
    private readonly DeliveryLog _log = new();
    private readonly CancellationTokenSource _stop = new();
    private MosquittoBroker _broker = null!;
    private MqttPublisher _sut = null!;
    private Task _running = Task.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        _broker = await MosquittoBroker.StartAsync();
        _sut = new MqttPublisher(new MqttOptions
        {
            Enabled = true,
            Host = "127.0.0.1",
            Port = _broker.Port,
            ReconnectDelay = TimeSpan.FromMilliseconds(50),
            MaxReconnectDelay = TimeSpan.FromMilliseconds(200),
        }, _log, TimeProvider.System);
    }

    [Fact]
    public async Task Publish_LotZoneAndCamera_RetainsCountsSpotStatesAndAvailability()
    {
        var since = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        Start();

        var (lot, row) = Lots.LotAndRow(free: 1, since);
        _sut.Publish(lot);
        _sut.Publish(row);
        _sut.Publish(new CameraObservation(Lots.North, Online: true, since));
        await using (var live = await MqttSubscriber.ConnectAsync(_broker.Port, "smartspot/#"))
        {
            await live.WaitUntilAsync(_ => live.Latest.ContainsKey("smartspot/north/camera"));
        }
        await using var late = await MqttSubscriber.ConnectAsync(_broker.Port, "smartspot/#");
        await late.SyncAsync();

        var retained = late.Messages.Where(m => m.Retained).ToDictionary(m => m.Topic, m => m.Payload);
        Assert.Equal("online", retained["smartspot/status"]);
        Assert.Equal(("1", "9"), (retained["smartspot/north/free"], retained["smartspot/north/occupied"]));
        Assert.Equal(("1", "1"), (retained["smartspot/north/zones/row-a/free"], retained["smartspot/north/zones/row-a/occupied"]));
        Assert.Equal("online", retained["smartspot/north/camera"]);
        Assert.Equal(10, retained.Keys.Count(topic => topic.StartsWith("smartspot/north/spots/", StringComparison.Ordinal)));
        var spot = JsonNode.Parse(retained["smartspot/north/spots/10"])!;
        Assert.Equal("occupied", (string?)spot["status"]);
        Assert.Equal(since, spot["since"]!.GetValue<DateTimeOffset>());
        Assert.Equal("free", (string?)JsonNode.Parse(retained["smartspot/north/spots/1"])!["status"]);
    }

    [Fact]
    public async Task Publish_FirstObservation_AnnouncesHomeAssistantSensorsOncePerEntity()
    {
        var since = DateTimeOffset.UtcNow;
        Start();

        _sut.Publish(Lots.WithFree(Lots.North, 3, since, total: 4));
        _sut.Publish(Lots.WithFree(Lots.North, 2, since, total: 4));
        _sut.Publish(new ScopeObservation(Lots.RowA, [.. Lots.WithFree(Lots.North, 2, since, total: 4).Spots.Take(2)]));
        _sut.Publish(new CameraObservation(Lots.North, Online: true, since));
        await using var homeAssistant = await MqttSubscriber.ConnectAsync(_broker.Port, "homeassistant/#");
        await homeAssistant.WaitUntilAsync(_ => homeAssistant.Latest.ContainsKey("homeassistant/binary_sensor/smartspot/north_camera/config"));
        await homeAssistant.SyncAsync();

        var configs = homeAssistant.Messages.Where(m => m.Topic.StartsWith("homeassistant/", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "binary_sensor/smartspot/north_camera", "binary_sensor/smartspot/north_spot_1", "binary_sensor/smartspot/north_spot_2",
                "binary_sensor/smartspot/north_spot_3", "binary_sensor/smartspot/north_spot_4",
                "sensor/smartspot/north_free", "sensor/smartspot/north_occupied", "sensor/smartspot/north_row-a_free", "sensor/smartspot/north_row-a_occupied",
            ],
            configs.Select(m => m.Topic["homeassistant/".Length..^"/config".Length]).Order(StringComparer.Ordinal));
        var parsed = configs.ToDictionary(m => m.Topic, m => JsonNode.Parse(m.Payload)!);
        Assert.Equal(parsed.Count, parsed.Values.Select(c => (string?)c["unique_id"]).Distinct().Count());
        Assert.All(parsed.Values, config =>
        {
            Assert.Equal("smartspot/status", (string?)config["availability_topic"]);
            Assert.Equal("smartspot_north", (string?)config["device"]!["identifiers"]![0]);
            Assert.Equal("North camera", (string?)config["device"]!["name"]);
        });
        var zoneFree = parsed["homeassistant/sensor/smartspot/north_row-a_free/config"];
        Assert.Equal(("smartspot/north/zones/row-a/free", "Row A free", "spots"),
            ((string?)zoneFree["state_topic"], (string?)zoneFree["name"], (string?)zoneFree["unit_of_measurement"]));
        var spot = parsed["homeassistant/binary_sensor/smartspot/north_spot_2/config"];
        Assert.Equal(("occupancy", "smartspot/north/spots/2"), ((string?)spot["device_class"], (string?)spot["state_topic"]));
    }

    [Fact]
    public async Task AlertService_FlickeringCounts_PublishesExactlyOneUnretainedEventPerCrossing()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var service = new AlertService(new AlertEvaluator(AlertScenario.Rules(), new(), time), [_sut], new(), time);
        var running = service.RunAsync(_stop.Token);
        await using var subscriber = await MqttSubscriber.ConnectAsync(_broker.Port, "smartspot/#");
        await WaitForLogAsync(DeliveryOutcome.Connected);

        AlertScenario.Play(service, time);
        await subscriber.WaitUntilAsync(messages => messages.Any(m => m.Topic.EndsWith("/events", StringComparison.Ordinal) && m.Payload.Contains(AlertScenario.RowFull.Id)));

        var events = subscriber.Messages.Where(m => m.Topic.EndsWith("/events", StringComparison.Ordinal)).ToList();
        var payloads = events.Select(m => JsonSerializer.Deserialize<AlertPayload>(m.Payload, AlertPayload.JsonOptions)!).ToList();
        Assert.Equal(AlertScenario.Expected, payloads.Select(p => (p.Rule.Id, p.Transition, p.Value)));
        Assert.Equal(["smartspot/north/events", "smartspot/north/zones/row-a/events"], events.Select(m => m.Topic).Distinct());
        Assert.Equal("North camera / Row A", $"{payloads[^1].Scope.Lot.Name} / {payloads[^1].Scope.Zone!.Name}");
        await using var late = await MqttSubscriber.ConnectAsync(_broker.Port, "smartspot/+/events", "smartspot/+/zones/+/events");
        await late.SyncAsync();
        Assert.DoesNotContain(late.Messages, m => m.Topic.EndsWith("/events", StringComparison.Ordinal));
        await _stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task RunAsync_BrokerGoesAwayAndComesBack_ReconnectsAndSendsWhatChangedMeanwhile()
    {
        var since = DateTimeOffset.UtcNow;
        Start();
        _sut.Publish(Lots.WithFree(Lots.North, 3, since));
        await using (var before = await MqttSubscriber.ConnectAsync(_broker.Port, "smartspot/north/free"))
        {
            await before.WaitUntilAsync(messages => messages.Any(m => m.Payload == "3"));
        }

        await _broker.StopAsync();
        await WaitForLogAsync(DeliveryOutcome.Disconnected);
        _sut.Publish(Lots.WithFree(Lots.North, 5, since));
        var alert = new AlertEvent(Guid.NewGuid(), AlertScenario.LotLow, AlertTransition.Cleared, since, 5);
        _sut.Enqueue(alert);
        await _broker.StartAgainAsync();
        await WaitForLogAsync(DeliveryOutcome.Delivered);

        // The restarted broker kept nothing (no persistence): all it has now, SmartSpot sent again after reconnecting.
        await using var after = await MqttSubscriber.ConnectAsync(_broker.Port, "smartspot/#", "homeassistant/#");
        await after.SyncAsync();
        var retained = after.Messages.Where(m => m.Retained).ToDictionary(m => m.Topic, m => m.Payload);
        Assert.Equal(("5", "online"), (retained["smartspot/north/free"], retained["smartspot/status"]));
        Assert.Contains("homeassistant/sensor/smartspot/north_free/config", retained.Keys);
        Assert.Contains(_log.Entries, e => e.Outcome == DeliveryOutcome.Delivered && e.AlertId == alert.Id);
        Assert.True(_log.Entries.Count(e => e.Outcome == DeliveryOutcome.Connected) >= 2);
    }

    [Fact]
    public async Task RunAsync_Stopped_LeavesAvailabilityOffline()
    {
        Start();
        await WaitForLogAsync(DeliveryOutcome.Connected);

        await _stop.CancelAsync();
        await _running;

        await using var subscriber = await MqttSubscriber.ConnectAsync(_broker.Port, "smartspot/status");
        await subscriber.WaitUntilAsync(messages => messages.Count > 0);
        Assert.Equal(("offline", true), (subscriber.Messages[0].Payload, subscriber.Messages[0].Retained));
    }

    [Fact]
    public async Task RunAsync_ConnectionCutWithoutGoodbye_BrokerSendsTheLastWillThenSmartSpotIsBack()
    {
        var sut = new MqttPublisher(new MqttOptions
        {
            Enabled = true,
            Host = "127.0.0.1",
            Port = _broker.Port,
            ClientId = "smartspot-will-test",
            ReconnectDelay = TimeSpan.FromMilliseconds(50),
        }, _log, TimeProvider.System);
        _running = sut.RunAsync(_stop.Token);
        await WaitForLogAsync(DeliveryOutcome.Connected);
        await using var subscriber = await MqttSubscriber.ConnectAsync(_broker.Port, "smartspot/status");
        await subscriber.WaitUntilAsync(messages => messages.Any(m => m.Payload == "online"));

        // Another client taking over the client id makes the broker drop SmartSpot's connection without a DISCONNECT.
        await using (var intruder = await MqttSubscriber.ConnectAsAsync("smartspot-will-test", _broker.Port))
        {
            await subscriber.WaitUntilAsync(messages => messages.SkipWhile(m => m.Payload != "online").Any(m => m.Payload == "offline"));
        }
        await subscriber.WaitUntilAsync(messages => messages.SkipWhile(m => m.Payload != "offline").Any(m => m.Payload == "online"));
    }

    [Fact]
    public async Task Enqueue_BrokerUnreachableAndQueueFull_DropsAndCountsWithoutWaiting()
    {
        await _broker.StopAsync();
        var sut = new MqttPublisher(new MqttOptions { Enabled = true, Host = "127.0.0.1", Port = _broker.Port, QueueCapacity = 2 }, _log, TimeProvider.System);

        for (var i = 0; i < 5; i++) sut.Enqueue(new AlertEvent(Guid.NewGuid(), AlertScenario.LotLow, AlertTransition.Fired, DateTimeOffset.UtcNow, 2));

        Assert.Equal(3, sut.Dropped);
        Assert.Equal(3, _log.Entries.Count(e => e.Outcome == DeliveryOutcome.Dropped));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        await _broker.DisposeAsync();
        _stop.Dispose();
    }

    private void Start() => _running = _sut.RunAsync(_stop.Token);

    private async Task WaitForLogAsync(DeliveryOutcome outcome)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!_log.Entries.Any(e => e.Outcome == outcome))
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
