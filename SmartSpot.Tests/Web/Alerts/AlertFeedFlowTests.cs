using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartSpot.Alerts.Delivery;
using SmartSpot.Alerts.Webhooks;
using SmartSpot.Tests.Alerts.Mqtt;
using SmartSpot.Tests.Alerts.Webhooks;

namespace SmartSpot.Tests.Web.Alerts;

/// <summary>An analysis in the dashboard, through AlertFeed and the alert service, to a real broker and a real webhook receiver.</summary>
[Collection(AlertsAppCollection.Name)]
public sealed class AlertFeedFlowTests(AlertsAppFixture fixture)
{
    [Fact]
    public async Task Analysis_ZoneFillsAndEmpties_WebhookAndMqttEachGetOneEventPerCrossing()
    {
        var lotId = await fixture.CreateLotAsync("North camera");
        var lot = lotId.ToString("N");
        await using var mqtt = await MqttSubscriber.ConnectAsync(fixture.Broker.Port, $"smartspot/{lot}/#", $"homeassistant/+/smartspot/{lot}_zone-{AlertsAppFixture.RowAZoneId}_free/config");
        var client = fixture.App.CreateClient();
        using var created = await client.PostAsJsonAsync($"/api/lots/{lotId}/alerts",
            new { kind = "FreeAtOrBelow", zoneId = AlertsAppFixture.RowAZoneId, threshold = 0 }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ruleId = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString();

        using var started = await client.PostAsync($"/api/lots/{lotId}/sessions?speed=max", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var sessionId = (await started.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        await fixture.App.WaitForAsync(sessionId, "Completed");
        var events = $"smartspot/{lot}/zones/zone-{AlertsAppFixture.RowAZoneId}/events";
        await mqtt.WaitUntilAsync(messages => messages.Count(m => m.Topic == events) >= 2);
        await fixture.Webhook.WaitUntilAsync(receiver => receiver.Accepted.Count(p => p.Rule.Id == ruleId) >= 2);
        await mqtt.SyncAsync();

        (string, int)[] crossings = [("fired", 0), ("cleared", 2)];
        var hooked = fixture.Webhook.Requests.Where(r => r.Payload.Rule.Id == ruleId).ToList();
        Assert.Equal(crossings, hooked.Select(r => (r.Payload.Transition, r.Payload.Value)));
        Assert.All(hooked, r => Assert.True(
            WebhookSignature.Verify(r.Signature, WebhookReceiver.Secret, r.Body, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance)));
        Assert.Equal(("North camera", "Row A"), (hooked[0].Payload.Scope.Lot.Name, hooked[0].Payload.Scope.Zone?.Name));
        var published = mqtt.Messages.Where(m => m.Topic == events).Select(m => JsonSerializer.Deserialize<AlertPayload>(m.Payload, AlertPayload.JsonOptions)!).ToList();
        Assert.Equal(crossings, published.Select(p => (p.Transition, p.Value)));
        Assert.Equal(hooked.Select(r => r.Payload.Id), published.Select(p => p.Id));
        // The retained counts end where the clip ends (row A free, the lot's four spots free), and Home Assistant has the zone's sensor.
        var latest = mqtt.Latest;
        Assert.Equal("2", latest[$"smartspot/{lot}/zones/zone-{AlertsAppFixture.RowAZoneId}/free"].Payload);
        Assert.Equal("4", latest[$"smartspot/{lot}/free"].Payload);
        Assert.Equal("online", latest[$"smartspot/{lot}/camera"].Payload);
        Assert.Contains("\"name\":\"Row A free\"", latest[$"homeassistant/sensor/smartspot/{lot}_zone-{AlertsAppFixture.RowAZoneId}_free/config"].Payload);
    }
}
