using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Alerts.Rules;

/// <summary>One alert rule: a condition on one scope. Count kinds use <see cref="Threshold"/>, timed kinds <see cref="Duration"/>.</summary>
/// <param name="Id">Stable across edits: the evaluator keeps a rule's state by it, so editing a threshold does not re-fire the rule.</param>
public sealed record AlertRule(string Id, AlertScope Scope, AlertKind Kind)
{
    /// <summary>Free spots at which a count rule fires (at or below / at or above it).</summary>
    [Range(0, 100_000)]
    public int Threshold { get; init; }

    /// <summary>How long a spot stays occupied (overstay) or the camera offline before a timed rule fires.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Duration { get; init; } = TimeSpan.FromHours(1);

    public bool IsCountRule => Kind is AlertKind.FreeAtOrBelow or AlertKind.FreeAtOrAbove;

    /// <summary>"free at or below 3", "occupied for 2 h or longer", ...</summary>
    public string Describe() => Kind switch
    {
        AlertKind.FreeAtOrBelow => $"free at or below {Threshold}",
        AlertKind.FreeAtOrAbove => $"free at or above {Threshold}",
        AlertKind.Overstay => $"a spot occupied for {DurationText(Duration)} or longer",
        AlertKind.CameraOffline => $"camera offline for {DurationText(Duration)} or longer",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown alert kind."),
    };

    internal static string DurationText(TimeSpan duration) => duration switch
    {
        { TotalDays: >= 1 } when duration.TotalDays % 1 == 0 => $"{duration.TotalDays:0} d",
        { TotalHours: >= 1 } when duration.TotalHours % 1 == 0 => $"{duration.TotalHours:0} h",
        { TotalMinutes: >= 1 } when duration.TotalMinutes % 1 == 0 => $"{duration.TotalMinutes:0} min",
        _ => $"{duration.TotalSeconds:0} s",
    };
}
