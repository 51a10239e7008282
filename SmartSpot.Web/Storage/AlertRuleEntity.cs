using SmartSpot.Alerts.Rules;

namespace SmartSpot.Web.Storage;

/// <summary>One alert rule of a lot, on the whole lot or on one of its zones.</summary>
public sealed class AlertRuleEntity
{
    public Guid Id { get; set; }

    public Guid LotId { get; set; }

    /// <summary>The zone's id in its lot; null for a rule on the whole lot. Not a foreign key: a zone removed in the editor
    /// leaves its rules in place (listed as orphaned, not evaluated) until they are deleted.</summary>
    public int? ZoneId { get; set; }

    public AlertKind Kind { get; set; }

    /// <summary>Free spots, for the count kinds; 0 for the timed ones.</summary>
    public int Threshold { get; set; }

    /// <summary>Seconds occupied (overstay) or offline (camera), for the timed kinds; 0 for the count ones.</summary>
    public int DurationSeconds { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
