using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;
using SmartSpot.Tests.Alerts.Mqtt;
using SmartSpot.Tests.Alerts.Webhooks;
using SmartSpot.Vision.Classification;

namespace SmartSpot.Tests.Web.Alerts;

/// <summary>The web app with both deliveries on, shared by the alert tests: a Mosquitto on a free port, a webhook receiver on
/// 127.0.0.1, no hold time (every crossing goes out at once), the brightness classifier, and a drawn clip whose row A
/// (spots 1 and 2 of 4) is free, then full, then free again.</summary>
public sealed class AlertsAppFixture : IAsyncLifetime
{
    /// <summary>Rules a lot may have here: low, so that the limit is tested without adding fifty.</summary>
    public const int MaxRulesPerLot = 4;

    public const int RowAZoneId = 1;

    private static readonly Size FrameSize = new(240, 120);
    private static readonly Rect[] Spots = [new(10, 30, 40, 60), new(70, 30, 40, 60), new(130, 30, 40, 60), new(190, 30, 40, 60)];
    private readonly string _directory = TestPaths.TempDirectory();
    private string _clip = "";
    private Task<Guid>? _sharedLot;

    public MosquittoBroker Broker { get; private set; } = default!;

    public WebhookReceiver Webhook { get; private set; } = default!;

    public SmartSpotAppFactory App { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Broker = await MosquittoBroker.StartAsync();
        Webhook = await WebhookReceiver.StartAsync(_ => 200);
        _clip = SyntheticLot.WriteVideo(_directory, 30, Enumerable.Range(0, 60).Select(frame =>
            SyntheticLot.Frame(FrameSize, frame is >= 20 and < 40 ? [Spots[0], Spots[1]] : [])), "row-a.avi");
        App = new SmartSpotAppFactory(TestPaths.TempDirectory(), new Dictionary<string, string?>
        {
            ["SmartSpot:Alerts:Webhook:Url"] = Webhook.Url.ToString(),
            ["SmartSpot:Alerts:Webhook:Secret"] = WebhookReceiver.Secret,
            ["SmartSpot:Alerts:Mqtt:Enabled"] = "true",
            ["SmartSpot:Alerts:Mqtt:Host"] = "127.0.0.1",
            ["SmartSpot:Alerts:Mqtt:Port"] = Broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SmartSpot:Alerts:Evaluation:HoldTime"] = "00:00:00",
            ["SmartSpot:Alerts:Rules:MaxPerLot"] = MaxRulesPerLot.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, services => services.AddTransient<ISpotClassifier, BrightnessClassifier>());
        _ = App.Services;
    }

    /// <summary>A lot of the drawn clip with its four spots and the zone "Row A" (spots 1 and 2); its id.</summary>
    public async Task<Guid> CreateLotAsync(string name)
    {
        var file = new
        {
            format = "smartspot-lot", version = 1, name,
            frame = new { width = FrameSize.Width, height = FrameSize.Height },
            spots = Spots.Select((box, index) => new
            {
                id = index + 1, name = $"A{index + 1}",
                corners = new[] { new[] { box.Left, box.Top }, [box.Right, box.Top], [box.Right, box.Bottom], [box.Left, box.Bottom] },
            }),
            zones = new[] { new { id = RowAZoneId, name = "Row A", spots = new[] { 1, 2 } } },
        };
        using var form = new MultipartFormDataContent();
        var video = new ByteArrayContent(await File.ReadAllBytesAsync(_clip, TestContext.Current.CancellationToken));
        video.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(video, "video", "row-a.avi");
        form.Add(new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(file)), "lot", "lot.json");
        using var response = await App.CreateClient().PostAsync("/api/lots", form, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }

    /// <summary>One lot for the tests that leave no rule on it (refused requests): made once.</summary>
    public Task<Guid> SharedLotAsync() => _sharedLot ??= CreateLotAsync("Shared lot");

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Webhook.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
