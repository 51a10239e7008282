using SmartSpot.Alerts.Rules;
using SmartSpot.Web.Lots;

namespace SmartSpot.Web.Alerts;

/// <summary>The alert scopes of a lot and its zones. Their ids (MQTT topic levels, Home Assistant ids) come from the lot's and
/// the zones' stable ids, never from their names, so renaming a lot or a zone keeps its topics and its rules' state.</summary>
public static class AlertScopes
{
    /// <summary>The lot's id without dashes: 32 hex digits, e.g. <c>smartspot/3f2a…9c/free</c>.</summary>
    public static AlertScope Lot(Guid lotId, string name) => new(lotId.ToString("N"), name);

    /// <summary><c>zone-{id}</c> under its lot, e.g. <c>smartspot/3f2a…9c/zones/zone-2/free</c>.</summary>
    public static AlertScope Zone(AlertScope lot, int zoneId, string name) => new($"zone-{zoneId}", name, lot);

    public static AlertScope Zone(AlertScope lot, LotZone zone) => Zone(lot, zone.Id, zone.Name);
}
