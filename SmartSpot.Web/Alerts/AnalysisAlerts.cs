using SmartSpot.Alerts;
using SmartSpot.Web.Lots;

namespace SmartSpot.Web.Alerts;

/// <summary>Opens an <see cref="AlertFeed"/> for each analysis run, with its lot's scopes and zones as they are when the run starts.</summary>
public sealed class AnalysisAlerts(AlertService alerts, LotRepository lots, LotAlertRules rules, TimeProvider time, ILogger<AnalysisAlerts> logger)
{
    /// <summary>The feed of a run on the lot; <see cref="AlertFeed.None"/> when the lot is gone or cannot be read (the analysis runs
    /// on without alerts, and says so in the log).</summary>
    public async Task<AlertFeed> OpenAsync(Guid lotId, CancellationToken cancellationToken)
    {
        try
        {
            // The rules carry the lot's and zones' names: a rename or a new zone since the last change shows in the events.
            await rules.ReloadAsync(cancellationToken);
            if (await lots.GetAsync(lotId, cancellationToken) is not { } lot) return AlertFeed.None;
            var scope = AlertScopes.Lot(lot.Id, lot.Name);
            var zones = lot.Layout.Zones.Select(zone => (AlertScopes.Zone(scope, zone), zone.SpotIds.AsEnumerable()));
            return new AlertFeed(alerts, scope, zones, time);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Could not read lot {LotId} or the alert rules; its analysis runs without alerts.", lotId);
            return AlertFeed.None;
        }
    }
}
