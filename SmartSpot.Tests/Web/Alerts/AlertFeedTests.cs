using Microsoft.Extensions.Time.Testing;
using SmartSpot.Alerts;
using SmartSpot.Alerts.Delivery;
using SmartSpot.Alerts.Evaluation;
using SmartSpot.Alerts.Observations;
using SmartSpot.Alerts.Rules;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Web.Alerts;

namespace SmartSpot.Tests.Web.Alerts;

public sealed class AlertFeedTests
{
    private static readonly AlertScope Lot = AlertScopes.Lot(Guid.Parse("3f2a0000-0000-4000-8000-00000000009c"), "North camera");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly RecordingDelivery _delivery = new();

    [Fact]
    public void Observe_UnchangedFrames_ForwardsTheFirstAndEachChangeOnly()
    {
        var sut = Feed((AlertScopes.Zone(Lot, 1, "Row A"), [1, 2]));

        sut.Observe(Snapshot(0, [], (1, SpotStatus.Free, 0), (2, SpotStatus.Free, 0), (3, SpotStatus.Free, 0)));
        sut.Observe(Snapshot(1, [], (1, SpotStatus.Free, 0), (2, SpotStatus.Free, 0), (3, SpotStatus.Free, 0)));
        sut.Observe(Snapshot(2, [2], (1, SpotStatus.Free, 0), (2, SpotStatus.Occupied, 2), (3, SpotStatus.Free, 0)));

        Assert.Equal(
            [(Lot.Key, 3), ("3f2a000000004000800000000000009c/zone-1", 2), (Lot.Key, 2), ("3f2a000000004000800000000000009c/zone-1", 1)],
            _delivery.Scopes.Select(o => (o.Scope.Key, o.Free)));
    }

    [Fact]
    public void Observe_OneVisitOverManyFrames_KeepsTheStartItWasFirstSeenWith()
    {
        var sut = Feed();

        sut.Observe(Snapshot(30, [1], (1, SpotStatus.Occupied, 30)));
        _time.Advance(TimeSpan.FromSeconds(5));
        sut.Observe(Snapshot(300, [2], (1, SpotStatus.Occupied, 30), (2, SpotStatus.Occupied, 300)));

        var first = _delivery.Scopes[0].Spots[0].Since;
        Assert.Equal(_time.GetUtcNow() - TimeSpan.FromSeconds(5), first);
        Assert.Equal(first, _delivery.Scopes[1].Spots[0].Since);
        Assert.Equal(_time.GetUtcNow(), _delivery.Scopes[1].Spots[1].Since);
    }

    [Fact]
    public void Observe_ZoneNoneOfWhoseSpotsWereAnalysed_IsLeftOut()
    {
        var sut = Feed((AlertScopes.Zone(Lot, 2, "Drawn later"), [40, 41]));

        sut.Observe(Snapshot(0, [], (1, SpotStatus.Free, 0)));

        Assert.Equal([Lot.Key], _delivery.Scopes.Select(o => o.Scope.Key));
    }

    [Fact]
    public void OnlineThenOffline_ObservesTheLotsCamera()
    {
        var sut = Feed();

        sut.Online();
        _time.Advance(TimeSpan.FromSeconds(3));
        sut.Offline();

        Assert.Equal([(true, _time.GetUtcNow() - TimeSpan.FromSeconds(3)), (false, _time.GetUtcNow())], _delivery.Cameras.Select(c => (c.Online, c.Since)));
        Assert.All(_delivery.Cameras, camera => Assert.Equal(Lot, camera.Lot));
    }

    [Fact]
    public void Connection_LiveStreamDropsAndComesBack_OfflineFromTheDropOnlineWhenBack()
    {
        var sut = Feed();
        var dropped = _time.GetUtcNow();

        sut.Connection(new StreamConnection(StreamStatus.Reconnecting, dropped, "connection reset", 0));
        _time.Advance(TimeSpan.FromSeconds(40));
        sut.Connection(new StreamConnection(StreamStatus.Offline, dropped, "connection refused", 0));
        _time.Advance(TimeSpan.FromSeconds(20));
        sut.Connection(new StreamConnection(StreamStatus.Live, _time.GetUtcNow(), null, 1));

        Assert.Equal([(false, dropped), (true, _time.GetUtcNow())], _delivery.Cameras.Select(c => (c.Online, c.Since)));
    }

    [Fact]
    public void None_ForwardsNothing()
    {
        AlertFeed.None.Online();
        AlertFeed.None.Observe(Snapshot(0, [], (1, SpotStatus.Free, 0)));
        AlertFeed.None.Offline();

        Assert.Empty(_delivery.Scopes);
    }

    private AlertFeed Feed(params (AlertScope Scope, int[] Spots)[] zones)
    {
        var service = new AlertService(new AlertEvaluator(new AlertRuleSet(), new(), _time), [_delivery], new(), _time);
        return new AlertFeed(service, Lot, zones.Select(zone => (zone.Scope, zone.Spots.AsEnumerable())), _time);
    }

    /// <summary>A snapshot at 30 frames a second; each spot (id, status, since frame).</summary>
    private static OccupancySnapshot Snapshot(int frame, int[] changed, params (int Id, SpotStatus Status, int Since)[] spots) => new(
        frame, TimeSpan.FromSeconds(frame / 30.0),
        [.. spots.Select(spot => new SpotState(spot.Id, spot.Status, 0.9f, spot.Since, TimeSpan.FromSeconds(spot.Since / 30.0)))], changed);

    private sealed class RecordingDelivery : IAlertDelivery
    {
        public List<ScopeObservation> Scopes { get; } = [];

        public List<CameraObservation> Cameras { get; } = [];

        public string Name => "recording";

        public long Dropped => 0;

        public void Enqueue(AlertEvent alert)
        {
        }

        public void Publish(ScopeObservation observation) => Scopes.Add(observation);

        public void Publish(CameraObservation observation) => Cameras.Add(observation);

        public Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
