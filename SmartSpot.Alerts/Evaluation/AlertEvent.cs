using SmartSpot.Alerts.Rules;

namespace SmartSpot.Alerts.Evaluation;

/// <summary>A rule entered (<see cref="AlertTransition.Fired"/>) or left (<see cref="AlertTransition.Cleared"/>) its condition.</summary>
/// <param name="Id">Unique per event: receivers use it to ignore a retried delivery they already have.</param>
/// <param name="At">When the evaluator saw the transition.</param>
/// <param name="Value">Count rules: the free count. Timed rules: seconds the spot has been occupied or the camera offline
/// (on <see cref="AlertTransition.Cleared"/>, the whole span until it ended).</param>
/// <param name="SpotId">The spot of an overstay event; null otherwise.</param>
public sealed record AlertEvent(Guid Id, AlertRule Rule, AlertTransition Transition, DateTimeOffset At, int Value, int? SpotId = null)
{
    public AlertScope Scope => Rule.Scope;

    /// <summary>One line for people: "North camera / Row A: 2 free (free at or below 3)".</summary>
    public string Message => $"{Scope.DisplayName}: {What()}";

    private string What() => (Rule.Kind, Transition) switch
    {
        (AlertKind.FreeAtOrBelow or AlertKind.FreeAtOrAbove, AlertTransition.Fired) => $"{Value} free ({Rule.Describe()})",
        (AlertKind.FreeAtOrBelow or AlertKind.FreeAtOrAbove, _) => $"{Value} free, no longer {Rule.Describe()}",
        (AlertKind.Overstay, AlertTransition.Fired) => $"spot {SpotId} occupied for {Span()} ({Rule.Describe()})",
        (AlertKind.Overstay, _) => $"spot {SpotId} left after {Span()}",
        (AlertKind.CameraOffline, AlertTransition.Fired) => $"camera offline for {Span()} ({Rule.Describe()})",
        _ => $"camera back online after {Span()} offline",
    };

    private string Span() => AlertRule.DurationText(TimeSpan.FromSeconds(Value));
}
