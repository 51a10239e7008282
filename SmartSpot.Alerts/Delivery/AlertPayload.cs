using System.Text.Json;
using SmartSpot.Alerts.Evaluation;
using SmartSpot.Alerts.Rules;

namespace SmartSpot.Alerts.Delivery;

/// <summary>The JSON an alert event travels as, the same for the webhook body and the MQTT event topics.</summary>
/// <param name="Transition">"fired" or "cleared".</param>
/// <param name="Value">See <see cref="AlertEvent.Value"/>: the free count, or seconds for timed rules.</param>
public sealed record AlertPayload(
    Guid Id, string Transition, DateTimeOffset At, AlertPayload.RuleInfo Rule, AlertPayload.ScopeInfo Scope, int Value, int? Spot, string Message)
{
    /// <param name="Kind">"freeAtOrBelow", "freeAtOrAbove", "overstay" or "cameraOffline".</param>
    /// <param name="Threshold">Count rules only.</param>
    /// <param name="DurationSeconds">Timed rules only.</param>
    public sealed record RuleInfo(string Id, string Kind, int? Threshold, int? DurationSeconds);

    /// <param name="Zone">Null for a lot rule.</param>
    public sealed record ScopeInfo(Named Lot, Named? Zone);

    public sealed record Named(string Id, string Name)
    {
        internal static Named From(AlertScope scope) => new(scope.Id, scope.Name);
    }

    /// <summary>camelCase names, ISO 8601 times.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);

    public static AlertPayload From(AlertEvent alert)
    {
        var rule = alert.Rule;
        var scope = alert.Scope;
        return new AlertPayload(
            alert.Id,
            CamelCase(alert.Transition),
            alert.At,
            new RuleInfo(rule.Id, CamelCase(rule.Kind), rule.IsCountRule ? rule.Threshold : null, rule.IsCountRule ? null : (int)rule.Duration.TotalSeconds),
            new ScopeInfo(Named.From(scope.LotScope), scope.Lot is null ? null : Named.From(scope)),
            alert.Value,
            alert.SpotId,
            alert.Message);
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, JsonOptions);

    private static string CamelCase<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
