namespace SmartSpot.Alerts.Evaluation;

/// <summary>One rule's (or one rule-and-spot's) state: active or not, and a transition waiting out its hold time.</summary>
internal sealed class ConditionTracker
{
    private DateTimeOffset? _pendingSince;

    public bool Active { get; private set; }

    /// <summary>When the active condition began (a timed rule's occupied-since or offline-since).</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Fires on Inside and clears on Outside once that signal has held for <paramref name="hold"/>; Between resets a pending transition.</summary>
    public AlertTransition? Update(ConditionSignal signal, DateTimeOffset now, TimeSpan hold)
    {
        var wanted = Active ? ConditionSignal.Outside : ConditionSignal.Inside;
        if (signal != wanted)
        {
            _pendingSince = null;
            return null;
        }
        _pendingSince ??= now;
        if (now - _pendingSince < hold)
        {
            return null;
        }
        _pendingSince = null;
        Active = !Active;
        return Active ? AlertTransition.Fired : AlertTransition.Cleared;
    }
}
