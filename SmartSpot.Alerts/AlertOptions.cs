using System.ComponentModel.DataAnnotations;
using SmartSpot.Alerts.Delivery;
using SmartSpot.Alerts.Evaluation;
using SmartSpot.Alerts.Mqtt;
using SmartSpot.Alerts.Webhooks;

namespace SmartSpot.Alerts;

/// <summary>Every alert setting; bound from <c>SmartSpot:Alerts</c>. Deliveries are off until configured.</summary>
public sealed record AlertOptions
{
    public const string Section = "SmartSpot:Alerts";

    public AlertEvaluationOptions Evaluation { get; init; } = new();

    /// <summary>On when <see cref="WebhookOptions.Url"/> is set.</summary>
    public WebhookOptions Webhook { get; init; } = new();

    /// <summary>On when <see cref="MqttOptions.Enabled"/>.</summary>
    public MqttOptions Mqtt { get; init; } = new();

    /// <summary>Delivery log entries kept in memory for the page. Default 500.</summary>
    [Range(1, 1_000_000)]
    public int DeliveryLogCapacity { get; init; } = DeliveryLog.DefaultCapacity;
}
