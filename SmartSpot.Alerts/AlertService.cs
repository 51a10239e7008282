using SmartSpot.Alerts.Delivery;
using SmartSpot.Alerts.Evaluation;
using SmartSpot.Alerts.Mqtt;
using SmartSpot.Alerts.Observations;
using SmartSpot.Alerts.Rules;
using SmartSpot.Alerts.Webhooks;

namespace SmartSpot.Alerts;

/// <summary>The one entry point: observations in, alert events out to every delivery. <see cref="Observe(ScopeObservation)"/>
/// never waits for a delivery; <see cref="RunAsync"/> drives the deliveries and re-checks timed conditions.</summary>
public sealed class AlertService(AlertEvaluator evaluator, IEnumerable<IAlertDelivery> deliveries, AlertEvaluationOptions options, TimeProvider time)
{
    private readonly IAlertDelivery[] _deliveries = [.. deliveries];

    /// <summary>The evaluator, the webhook (when its URL is set) and MQTT (when enabled), all writing to <paramref name="log"/>.</summary>
    /// <param name="http">Used for the webhook; its lifetime stays the caller's (e.g. from IHttpClientFactory).</param>
    public static AlertService Create(AlertOptions options, IAlertRuleSource rules, HttpClient http, DeliveryLog log, TimeProvider time)
    {
        var deliveries = new List<IAlertDelivery>();
        if (options.Webhook.Url is not null) deliveries.Add(new WebhookDelivery(options.Webhook, http, log, time));
        if (options.Mqtt.Enabled) deliveries.Add(new MqttPublisher(options.Mqtt, log, time));
        return new AlertService(new AlertEvaluator(rules, options.Evaluation, time), deliveries, options.Evaluation, time);
    }

    public IReadOnlyList<IAlertDelivery> Deliveries => _deliveries;

    /// <summary>A lot's or zone's spots as they are now (call it per analysed frame or on every change; unchanged states cost little).</summary>
    public void Observe(ScopeObservation observation)
    {
        foreach (var delivery in _deliveries) delivery.Publish(observation);
        Dispatch(evaluator.Observe(observation));
    }

    /// <summary>A camera went online or offline (or is reported again).</summary>
    public void Observe(CameraObservation observation)
    {
        foreach (var delivery in _deliveries) delivery.Publish(observation);
        Dispatch(evaluator.Observe(observation));
    }

    /// <summary>Runs the deliveries and re-checks the rules every <see cref="AlertEvaluationOptions.EvaluationInterval"/> until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var running = _deliveries.Select(delivery => delivery.RunAsync(cancellationToken)).ToArray();
        using var timer = new PeriodicTimer(options.EvaluationInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Dispatch(evaluator.Evaluate());
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(running);
    }

    private void Dispatch(IReadOnlyList<AlertEvent> events)
    {
        foreach (var alert in events)
        {
            foreach (var delivery in _deliveries) delivery.Enqueue(alert);
        }
    }
}
