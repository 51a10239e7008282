using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Web.Alerts;

/// <summary>Limits of the rules operators keep on their lots; bound from <c>SmartSpot:Alerts:Rules</c>.</summary>
public sealed record AlertRuleOptions
{
    public const string Section = "SmartSpot:Alerts:Rules";

    /// <summary>Rules one lot may have (its zones' included). Default 50: a rule or two per zone of a large lot; the page lists them all.</summary>
    [Range(1, 10_000)]
    public int MaxPerLot { get; init; } = 50;
}
