using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using SmartSpot.Alerts;
using SmartSpot.Alerts.Delivery;
using SmartSpot.Alerts.Evaluation;
using SmartSpot.Alerts.Mqtt;
using SmartSpot.Alerts.Observations;
using SmartSpot.Alerts.Rules;
using SmartSpot.Alerts.Webhooks;
using SmartSpot.Vision.Classification;

namespace SmartSpot.Tests.Alerts;

public sealed class AlertServiceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly RecordingDelivery _first = new();
    private readonly RecordingDelivery _second = new();

    [Fact]
    public void Observe_Observation_GoesToEveryDeliveryWithTheEventsItCaused()
    {
        var sut = Service(new AlertRuleSet([AlertScenario.LotLow]), new AlertEvaluationOptions { HoldTime = TimeSpan.Zero });
        var observation = Lots.WithFree(Lots.North, 2, _time.GetUtcNow());
        var camera = new CameraObservation(Lots.North, Online: true, _time.GetUtcNow());

        sut.Observe(observation);
        sut.Observe(camera);

        Assert.All([_first, _second], delivery =>
        {
            Assert.Equal([observation], delivery.Observations);
            Assert.Equal([camera], delivery.Cameras);
            Assert.Equal(AlertTransition.Fired, Assert.Single(delivery.Events).Transition);
        });
    }

    [Fact]
    public async Task RunAsync_TimePassesWithoutObservations_FiresTimedRulesOnItsOwn()
    {
        var stay = new AlertRule("stay", Lots.North, AlertKind.Overstay) { Duration = TimeSpan.FromMinutes(30) };
        var sut = Service(new AlertRuleSet([stay]), new AlertEvaluationOptions());
        using var stop = new CancellationTokenSource();
        var running = sut.RunAsync(stop.Token);
        sut.Observe(new ScopeObservation(Lots.North, [new ObservedSpot(4, SpotStatus.Occupied, _time.GetUtcNow())]));

        _time.Advance(TimeSpan.FromMinutes(30));
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (_first.Events.IsEmpty) await Task.Delay(10, timeout.Token);
        }
        await stop.CancelAsync();
        await running;

        var fired = Assert.Single(_first.Events);
        Assert.Equal((4, 30 * 60), (fired.SpotId, fired.Value));
        Assert.True(_first.Ran && _second.Ran);
    }

    [Fact]
    public void Create_WebhookUrlAndMqttEnabled_BuildsBothDeliveries()
    {
        var options = new AlertOptions
        {
            Webhook = new WebhookOptions { Url = new Uri("http://127.0.0.1:9/hook"), Secret = "test-secret-0123456789" },
            Mqtt = new MqttOptions { Enabled = true },
        };
        using var http = new HttpClient();

        var sut = AlertService.Create(options, new AlertRuleSet(), http, new DeliveryLog(), _time);
        var none = AlertService.Create(new AlertOptions(), new AlertRuleSet(), http, new DeliveryLog(), _time);

        Assert.Equal(["webhook", "mqtt"], sut.Deliveries.Select(d => d.Name));
        Assert.Empty(none.Deliveries);
    }

    private AlertService Service(AlertRuleSet rules, AlertEvaluationOptions options) =>
        new(new AlertEvaluator(rules, options, _time), [_first, _second], options, _time);

    private sealed class RecordingDelivery : IAlertDelivery
    {
        public ConcurrentQueue<AlertEvent> Events { get; } = new();

        public List<ScopeObservation> Observations { get; } = [];

        public List<CameraObservation> Cameras { get; } = [];

        public bool Ran { get; private set; }

        public string Name => "recording";

        public long Dropped => 0;

        public void Enqueue(AlertEvent alert) => Events.Enqueue(alert);

        public void Publish(ScopeObservation observation) => Observations.Add(observation);

        public void Publish(CameraObservation observation) => Cameras.Add(observation);

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            Ran = true;
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
