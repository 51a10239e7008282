using SmartSpot.Alerts.Observations;
using SmartSpot.Alerts.Rules;
using SmartSpot.Vision.Classification;

namespace SmartSpot.Alerts.Evaluation;

/// <summary>Turns observations into alert events: each rule fires once on entering its condition and clears once on leaving it.</summary>
/// <remarks>Thread-safe. Keeps the latest observation of every scope and camera, so <see cref="Evaluate"/> can re-check
/// timed conditions when no new observation comes. A rule removed from the source ends silently.</remarks>
public sealed class AlertEvaluator(IAlertRuleSource rules, AlertEvaluationOptions options, TimeProvider time)
{
    private readonly AlertEvaluationOptions _options = OptionsCheck.Checked(options, "SmartSpot:Alerts:Evaluation");
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ScopeObservation> _scopes = [];
    private readonly Dictionary<string, CameraObservation> _cameras = [];
    private readonly Dictionary<(string Rule, int? Spot), ConditionTracker> _trackers = [];

    /// <summary>Takes a scope's spots as they are now and evaluates the rules of that scope.</summary>
    public IReadOnlyList<AlertEvent> Observe(ScopeObservation observation)
    {
        lock (_lock)
        {
            _scopes[observation.Scope.Key] = observation;
            return EvaluateRules(rule => rule.Scope.Key == observation.Scope.Key && rule.Kind != AlertKind.CameraOffline);
        }
    }

    /// <summary>Takes a camera's state and evaluates the camera rules of its lot and the lot's zones.</summary>
    public IReadOnlyList<AlertEvent> Observe(CameraObservation observation)
    {
        lock (_lock)
        {
            _cameras[observation.Lot.Id] = observation;
            return EvaluateRules(rule => rule.Kind == AlertKind.CameraOffline && rule.Scope.LotScope.Id == observation.Lot.Id);
        }
    }

    /// <summary>Re-checks every rule at the clock's now (hold times, overstay, offline) and forgets removed rules.</summary>
    public IReadOnlyList<AlertEvent> Evaluate()
    {
        lock (_lock)
        {
            var events = EvaluateRules(_ => true);
            var ruleIds = rules.GetRules().Select(rule => rule.Id).ToHashSet();
            foreach (var key in _trackers.Keys.Where(key => !ruleIds.Contains(key.Rule)).ToList())
            {
                _trackers.Remove(key);
            }
            return events;
        }
    }

    private List<AlertEvent> EvaluateRules(Func<AlertRule, bool> which)
    {
        var now = time.GetUtcNow();
        var events = new List<AlertEvent>();
        foreach (var rule in rules.GetRules().Where(which))
        {
            switch (rule.Kind)
            {
                case AlertKind.FreeAtOrBelow or AlertKind.FreeAtOrAbove:
                    EvaluateCount(rule, now, events);
                    break;
                case AlertKind.Overstay:
                    EvaluateOverstay(rule, now, events);
                    break;
                case AlertKind.CameraOffline:
                    EvaluateCamera(rule, now, events);
                    break;
            }
        }
        return events;
    }

    private void EvaluateCount(AlertRule rule, DateTimeOffset now, List<AlertEvent> events)
    {
        if (!_scopes.TryGetValue(rule.Scope.Key, out var scope)) return;
        var free = scope.Free;
        var signal = rule.Kind == AlertKind.FreeAtOrBelow
            ? Classify(inside: free <= rule.Threshold, outside: free > rule.Threshold + _options.CountHysteresis)
            : Classify(inside: free >= rule.Threshold, outside: free < rule.Threshold - _options.CountHysteresis);
        if (Tracker(rule.Id, null).Update(signal, now, _options.HoldTime) is { } transition)
        {
            events.Add(new AlertEvent(Guid.NewGuid(), rule, transition, now, free));
        }
    }

    private void EvaluateOverstay(AlertRule rule, DateTimeOffset now, List<AlertEvent> events)
    {
        if (!_scopes.TryGetValue(rule.Scope.Key, out var scope)) return;
        foreach (var spot in scope.Spots)
        {
            var tracker = Tracker(rule.Id, spot.Id);
            var occupied = spot.Status == SpotStatus.Occupied;
            // Another car in the same bay (freed and taken again between two observations) ends the first overstay.
            var sameVisit = !tracker.Active || spot.Since == tracker.StartedAt;
            var signal = !occupied || !sameVisit ? ConditionSignal.Outside
                : now - spot.Since >= rule.Duration ? ConditionSignal.Inside
                : ConditionSignal.Between;
            Apply(rule, spot.Id, tracker, signal, startedAt: spot.Since, endedAt: occupied ? now : spot.Since, now, events);
        }
        var present = scope.Spots.Select(spot => spot.Id).ToHashSet();
        foreach (var key in _trackers.Keys.Where(key => key.Rule == rule.Id && key.Spot is { } id && !present.Contains(id)).ToList())
        {
            // A spot taken out of the scope: close its alert rather than leave it open for ever.
            Apply(rule, key.Spot, _trackers[key], ConditionSignal.Outside, startedAt: now, endedAt: now, now, events);
            _trackers.Remove(key);
        }
    }

    private void EvaluateCamera(AlertRule rule, DateTimeOffset now, List<AlertEvent> events)
    {
        if (!_cameras.TryGetValue(rule.Scope.LotScope.Id, out var camera)) return;
        var signal = Classify(
            inside: !camera.Online && now - camera.Since >= rule.Duration,
            outside: camera.Online && now - camera.Since >= _options.CameraRecoveryTime);
        Apply(rule, null, Tracker(rule.Id, null), signal, startedAt: camera.Since, endedAt: camera.Since, now, events);
    }

    /// <summary>A timed rule's step (no hold time: the rule's duration is its hold). The value is how long the condition
    /// has lasted since <paramref name="startedAt"/>, or lasted until <paramref name="endedAt"/> on clearing.</summary>
    private static void Apply(AlertRule rule, int? spot, ConditionTracker tracker, ConditionSignal signal,
        DateTimeOffset startedAt, DateTimeOffset endedAt, DateTimeOffset now, List<AlertEvent> events)
    {
        switch (tracker.Update(signal, now, TimeSpan.Zero))
        {
            case AlertTransition.Fired:
                tracker.StartedAt = startedAt;
                events.Add(new AlertEvent(Guid.NewGuid(), rule, AlertTransition.Fired, now, Seconds(now - startedAt), spot));
                break;
            case AlertTransition.Cleared:
                events.Add(new AlertEvent(Guid.NewGuid(), rule, AlertTransition.Cleared, now, Seconds(endedAt - tracker.StartedAt), spot));
                break;
        }
    }

    private ConditionTracker Tracker(string rule, int? spot)
    {
        if (!_trackers.TryGetValue((rule, spot), out var tracker))
        {
            tracker = new ConditionTracker();
            _trackers[(rule, spot)] = tracker;
        }
        return tracker;
    }

    private static ConditionSignal Classify(bool inside, bool outside) =>
        inside ? ConditionSignal.Inside : outside ? ConditionSignal.Outside : ConditionSignal.Between;

    private static int Seconds(TimeSpan span) => (int)Math.Clamp(span.TotalSeconds, 0, int.MaxValue);
}
