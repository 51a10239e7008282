using Microsoft.Extensions.Time.Testing;
using SmartSpot.Alerts.Evaluation;
using SmartSpot.Alerts.Observations;
using SmartSpot.Alerts.Rules;
using SmartSpot.Vision.Classification;

namespace SmartSpot.Tests.Alerts.Evaluation;

public sealed class AlertEvaluatorTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(2);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly AlertRuleSet _rules = new();
    private readonly AlertEvaluator _sut;

    public AlertEvaluatorTests() => _sut = new AlertEvaluator(_rules, new AlertEvaluationOptions(), _time);

    [Fact]
    public void Observe_FreeCountOscillatesAroundThreshold_GivesOneEventPair()
    {
        _rules.Replace([new AlertRule("low", Lots.North, AlertKind.FreeAtOrBelow) { Threshold = 3 }]);

        // Flicker 3/4 for a minute, settle at 3, flicker 4/5, settle at 5 (the hysteresis band is 4).
        int[] counts = [6, 5, .. Repeat([3, 4], 15), .. Repeat([3], 6), .. Repeat([4, 5], 15), .. Repeat([5], 6), 6, 6];
        var events = PlayCounts(Lots.North, counts);

        Assert.Collection(events,
            fired => Assert.Equal((AlertTransition.Fired, 3), (fired.Transition, fired.Value)),
            cleared => Assert.Equal((AlertTransition.Cleared, 5), (cleared.Transition, cleared.Value)));
    }

    [Fact]
    public void Observe_NoHoldTime_HysteresisAloneAbsorbsAOneSpotFlicker()
    {
        var sut = new AlertEvaluator(_rules, new AlertEvaluationOptions { HoldTime = TimeSpan.Zero }, _time);
        _rules.Replace([new AlertRule("low", Lots.North, AlertKind.FreeAtOrBelow) { Threshold = 3 }]);

        var events = new List<AlertEvent>();
        foreach (var free in (int[])[5, .. Repeat([3, 4], 20), 5])
        {
            events.AddRange(sut.Observe(Lots.WithFree(Lots.North, free, _time.GetUtcNow())));
        }

        Assert.Equal([(AlertTransition.Fired, 3), (AlertTransition.Cleared, 5)], events.Select(e => (e.Transition, e.Value)));
    }

    [Fact]
    public void Observe_ConditionShorterThanHoldTime_FiresNothing()
    {
        _rules.Replace([new AlertRule("low", Lots.North, AlertKind.FreeAtOrBelow) { Threshold = 3 }]);

        var events = PlayCounts(Lots.North, [6, 3, 3, 3, 3, 3, 6, 6]);

        Assert.Empty(events);
    }

    [Fact]
    public void Observe_FreeAtOrAbove_FiresAtThresholdAndClearsBelowTheBand()
    {
        _rules.Replace([new AlertRule("room", Lots.North, AlertKind.FreeAtOrAbove) { Threshold = 8 }]);

        var events = PlayCounts(Lots.North, [2, .. Repeat([8], 6), .. Repeat([7], 10), .. Repeat([6], 6)]);

        Assert.Equal([(AlertTransition.Fired, 8), (AlertTransition.Cleared, 6)], events.Select(e => (e.Transition, e.Value)));
        Assert.Equal("North camera: 8 free (free at or above 8)", events[0].Message);
    }

    [Fact]
    public void Observe_ZoneRule_WatchesOnlyItsZone()
    {
        _rules.Replace([new AlertRule("row-full", Lots.RowA, AlertKind.FreeAtOrBelow) { Threshold = 0 }]);

        var lotEvents = PlayCounts(Lots.North, [.. Repeat([0], 10)]);
        var zoneEvents = PlayCounts(Lots.RowA, [.. Repeat([0], 10)], total: 2);

        Assert.Empty(lotEvents);
        var fired = Assert.Single(zoneEvents);
        Assert.Equal(Lots.RowA, fired.Scope);
    }

    [Fact]
    public void Evaluate_HoldTimePassesWithoutNewObservations_Fires()
    {
        _rules.Replace([new AlertRule("low", Lots.North, AlertKind.FreeAtOrBelow) { Threshold = 3 }]);
        Assert.Empty(_sut.Observe(Lots.WithFree(Lots.North, 2, _time.GetUtcNow())));

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(AlertTransition.Fired, Assert.Single(_sut.Evaluate()).Transition);
    }

    [Fact]
    public void Observe_ThresholdEditedUnderSameId_KeepsTheRuleActive()
    {
        _rules.Replace([new AlertRule("low", Lots.North, AlertKind.FreeAtOrBelow) { Threshold = 3 }]);
        Assert.Single(PlayCounts(Lots.North, [.. Repeat([2], 6)]));

        _rules.Replace([new AlertRule("low", Lots.North, AlertKind.FreeAtOrBelow) { Threshold = 2 }]);

        Assert.Empty(PlayCounts(Lots.North, [.. Repeat([2], 10)]));
    }

    [Fact]
    public void Evaluate_RuleRemoved_EndsSilently()
    {
        _rules.Replace([new AlertRule("low", Lots.North, AlertKind.FreeAtOrBelow) { Threshold = 3 }]);
        Assert.Single(PlayCounts(Lots.North, [.. Repeat([2], 6)]));

        _rules.Replace([]);

        Assert.Empty(_sut.Evaluate());
        Assert.Empty(PlayCounts(Lots.North, [.. Repeat([9], 10)]));
    }

    [Fact]
    public void Evaluate_SpotOccupiedLongerThanDuration_FiresOncePerSpotAndClearsWhenItLeaves()
    {
        _rules.Replace([new AlertRule("stay", Lots.North, AlertKind.Overstay) { Duration = TimeSpan.FromHours(2) }]);
        var arrived = _time.GetUtcNow();
        Assert.Empty(_sut.Observe(Spots((1, SpotStatus.Occupied, arrived), (2, SpotStatus.Free, arrived))));

        _time.Advance(TimeSpan.FromMinutes(119));
        Assert.Empty(_sut.Evaluate());
        _time.Advance(TimeSpan.FromMinutes(1));
        var fired = Assert.Single(_sut.Evaluate());
        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Empty(_sut.Evaluate());
        var left = _time.GetUtcNow();
        var cleared = Assert.Single(_sut.Observe(Spots((1, SpotStatus.Free, left), (2, SpotStatus.Free, arrived))));

        Assert.Equal((AlertTransition.Fired, 1, 7200), (fired.Transition, fired.SpotId, fired.Value));
        Assert.Equal((AlertTransition.Cleared, 1, 9000), (cleared.Transition, cleared.SpotId, cleared.Value));
        Assert.Equal("North camera: spot 1 occupied for 2 h (a spot occupied for 2 h or longer)", fired.Message);
    }

    [Fact]
    public void Observe_AnotherCarInTheSameBay_ClearsTheFirstOverstay()
    {
        _rules.Replace([new AlertRule("stay", Lots.North, AlertKind.Overstay) { Duration = TimeSpan.FromHours(1) }]);
        var first = _time.GetUtcNow();
        _sut.Observe(Spots((1, SpotStatus.Occupied, first)));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Single(_sut.Evaluate());

        _time.Advance(TimeSpan.FromMinutes(5));
        var events = _sut.Observe(Spots((1, SpotStatus.Occupied, _time.GetUtcNow().AddMinutes(-1))));

        Assert.Equal(AlertTransition.Cleared, Assert.Single(events).Transition);
    }

    [Fact]
    public void Observe_CameraFlapsWhileRecovering_GivesOneEventPair()
    {
        _rules.Replace([new AlertRule("cam", Lots.RowA, AlertKind.CameraOffline) { Duration = TimeSpan.FromMinutes(5) }]);
        var events = new List<AlertEvent>();
        var dropped = _time.GetUtcNow();
        events.AddRange(_sut.Observe(new CameraObservation(Lots.North, Online: false, dropped)));
        _time.Advance(TimeSpan.FromMinutes(5));
        events.AddRange(_sut.Evaluate());
        for (var flap = 0; flap < 5; flap++)
        {
            events.AddRange(_sut.Observe(new CameraObservation(Lots.North, Online: true, _time.GetUtcNow())));
            _time.Advance(TimeSpan.FromSeconds(20));
            events.AddRange(_sut.Evaluate());
            events.AddRange(_sut.Observe(new CameraObservation(Lots.North, Online: false, _time.GetUtcNow())));
            _time.Advance(TimeSpan.FromSeconds(4));
            events.AddRange(_sut.Evaluate());
        }
        var back = _time.GetUtcNow();
        events.AddRange(_sut.Observe(new CameraObservation(Lots.North, Online: true, back)));
        _time.Advance(TimeSpan.FromSeconds(30));
        events.AddRange(_sut.Evaluate());

        Assert.Equal([AlertTransition.Fired, AlertTransition.Cleared], events.Select(e => e.Transition));
        Assert.Equal((int)(back - dropped).TotalSeconds, events[1].Value);
        Assert.Equal("North camera / Row A: camera back online after 7 min offline", events[1].Message);
    }

    [Fact]
    public void Constructor_HysteresisOutOfRange_NamesTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new AlertEvaluator(_rules, new AlertEvaluationOptions { CountHysteresis = -1 }, _time));

        Assert.Contains("SmartSpot:Alerts:Evaluation:CountHysteresis", error.Message);
    }

    private List<AlertEvent> PlayCounts(AlertScope scope, IEnumerable<int> freeCounts, int total = 10)
    {
        var events = new List<AlertEvent>();
        foreach (var free in freeCounts)
        {
            events.AddRange(_sut.Observe(Lots.WithFree(scope, free, _time.GetUtcNow(), total)));
            _time.Advance(Step);
        }
        return events;
    }

    private static ScopeObservation Spots(params (int Id, SpotStatus Status, DateTimeOffset Since)[] spots) =>
        new(Lots.North, [.. spots.Select(spot => new ObservedSpot(spot.Id, spot.Status, spot.Since))]);

    private static IEnumerable<int> Repeat(int[] pattern, int times) => Enumerable.Repeat(pattern, times).SelectMany(counts => counts);
}
