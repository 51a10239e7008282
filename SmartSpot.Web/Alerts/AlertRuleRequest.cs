using SmartSpot.Alerts.Rules;
using SmartSpot.Vision;

namespace SmartSpot.Web.Alerts;

/// <summary>A new rule as an operator asks for it (the body of <c>POST /api/lots/{id}/alerts</c>, the page's form).</summary>
/// <param name="Kind">"FreeAtOrBelow", "FreeAtOrAbove", "Overstay" or "CameraOffline" (any case).</param>
/// <param name="ZoneId">A zone of the lot; null for the whole lot.</param>
/// <param name="Threshold">Free spots, for the two count kinds.</param>
/// <param name="DurationSeconds">Seconds occupied (overstay) or offline (camera), for the two timed kinds.</param>
public sealed record AlertRuleRequest(string? Kind, int? ZoneId, int? Threshold, int? DurationSeconds)
{
    public const int MaxThreshold = 100_000;

    /// <summary>30 days, the longest duration <see cref="AlertRule.Duration"/> takes.</summary>
    public const int MaxDurationSeconds = 30 * 24 * 3600;

    /// <summary>The kind, and the threshold or the duration it needs; throws <see cref="InvalidInputException"/> saying what to send.</summary>
    public (AlertKind Kind, int Threshold, int DurationSeconds) Checked()
    {
        var kinds = string.Join(", ", Enum.GetNames<AlertKind>().Select(name => $"\"{name}\""));
        if (!Enum.TryParse<AlertKind>(Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || Kind!.Any(char.IsDigit))
        {
            throw new InvalidInputException($"The rule's \"kind\" must be one of {kinds}; it was {(Kind is null ? "missing" : $"\"{Kind}\"")}.");
        }
        if (kind is AlertKind.FreeAtOrBelow or AlertKind.FreeAtOrAbove)
        {
            return Threshold is >= 0 and <= MaxThreshold
                ? (kind, Threshold.Value, 0)
                : throw new InvalidInputException($"A {kind} rule needs a \"threshold\": free spots, a whole number from 0 to {MaxThreshold}.");
        }
        return DurationSeconds is >= 1 and <= MaxDurationSeconds
            ? (kind, 0, DurationSeconds.Value)
            : throw new InvalidInputException($"A {kind} rule needs a \"durationSeconds\": a whole number of seconds from 1 to {MaxDurationSeconds} (30 days).");
    }
}
