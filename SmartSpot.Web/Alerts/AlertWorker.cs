using SmartSpot.Alerts;

namespace SmartSpot.Web.Alerts;

/// <summary>Reads the stored rules, then runs the alert deliveries (webhook, MQTT) and the timed re-checks until the host stops.</summary>
public sealed class AlertWorker(AlertService alerts, LotAlertRules rules, ILogger<AlertWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await rules.ReloadAsync(stoppingToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The next rule change or analysis reads them again.
            logger.LogError(error, "Could not read the alert rules at start.");
        }
        logger.LogInformation("Alerts: {Deliveries}.", alerts.Deliveries.Count == 0 ? "no webhook or MQTT configured" : string.Join(", ", alerts.Deliveries.Select(d => d.Name)));
        await alerts.RunAsync(stoppingToken);
    }
}
