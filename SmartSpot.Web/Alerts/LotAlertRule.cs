using SmartSpot.Alerts.Rules;

namespace SmartSpot.Web.Alerts;

/// <summary>One of a lot's rules as the page and the API list it.</summary>
/// <param name="ZoneId">Null for a rule on the whole lot.</param>
/// <param name="Scope">"Lot" or the zone's name.</param>
/// <param name="Description">"free at or below 3", "a spot occupied for 2 h or longer", ...</param>
/// <param name="ZoneRemoved">The rule's zone is no longer in the lot: the rule is kept but not evaluated until deleted.</param>
public sealed record LotAlertRule(
    Guid Id, int? ZoneId, string Scope, AlertKind Kind, int? Threshold, int? DurationSeconds, string Description, bool ZoneRemoved, DateTimeOffset CreatedAt);
