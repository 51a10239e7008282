using Microsoft.Extensions.Time.Testing;
using SmartSpot.Alerts;
using SmartSpot.Alerts.Delivery;
using SmartSpot.Alerts.Evaluation;
using SmartSpot.Alerts.Rules;
using SmartSpot.Alerts.Webhooks;

namespace SmartSpot.Tests.Alerts.Webhooks;

public sealed class WebhookDeliveryTests
{
    private readonly HttpClient _http = new();
    private readonly DeliveryLog _log = new();

    [Fact]
    public async Task AlertService_FlickeringCounts_DeliversExactlyOneSignedEventPerCrossing()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 200);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var webhook = new WebhookDelivery(Options(receiver.Url), _http, _log, TimeProvider.System);
        var sut = new AlertService(new AlertEvaluator(AlertScenario.Rules(), new(), time), [webhook], new(), time);
        using var stop = new CancellationTokenSource();
        var running = sut.RunAsync(stop.Token);

        AlertScenario.Play(sut, time);
        await receiver.WaitUntilAsync(r => r.Accepted.Any(p => p.Rule.Id == AlertScenario.RowFull.Id));
        // The log entry of the last delivery is written once its answer is read, just after the receiver counted it.
        await WaitForLogAsync(DeliveryOutcome.Delivered, AlertScenario.Expected.Length);
        await stop.CancelAsync();
        await running;

        Assert.Equal(AlertScenario.Expected, receiver.Accepted.Select(p => (p.Rule.Id, p.Transition, p.Value)));
        Assert.All(receiver.Requests, r => Assert.True(
            WebhookSignature.Verify(r.Signature, WebhookReceiver.Secret, r.Body, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance),
            $"signature '{r.Signature}' does not verify"));
        Assert.Equal(AlertScenario.Expected.Length, _log.Entries.Count(e => e.Outcome == DeliveryOutcome.Delivered));
    }

    [Fact]
    public async Task RunAsync_ReceiverFailsTwice_RetriesTheSameEventUntilItSucceeds()
    {
        await using var receiver = await WebhookReceiver.StartAsync(n => n < 2 ? 500 : 200);
        var sut = new WebhookDelivery(Options(receiver.Url), _http, _log, TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var running = sut.RunAsync(stop.Token);

        sut.Enqueue(Fired());
        await receiver.WaitUntilAsync(r => r.Accepted.Count == 1);
        await WaitForLogAsync(DeliveryOutcome.Delivered);
        await stop.CancelAsync();
        await running;

        Assert.Equal([500, 500, 200], receiver.Requests.Select(r => r.Status));
        Assert.Single(receiver.Requests.Select(r => r.Payload.Id).Distinct());
        Assert.Equal(
            [(DeliveryOutcome.AttemptFailed, 1, 500), (DeliveryOutcome.AttemptFailed, 2, 500), (DeliveryOutcome.Delivered, 3, 200)],
            _log.Entries.Select(e => (e.Outcome, e.Attempt, e.StatusCode ?? 0)));
        Assert.Contains("500", _log.Entries[0].Error);
    }

    [Fact]
    public async Task RunAsync_ReceiverRefusesWith400_GivesUpWithoutRetrying()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 400);
        var sut = new WebhookDelivery(Options(receiver.Url), _http, _log, TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var running = sut.RunAsync(stop.Token);

        sut.Enqueue(Fired());
        await WaitForLogAsync(DeliveryOutcome.GaveUp);
        await stop.CancelAsync();
        await running;

        Assert.Single(receiver.Requests);
        var entry = Assert.Single(_log.Entries);
        Assert.Equal((DeliveryOutcome.GaveUp, 1, 400), (entry.Outcome, entry.Attempt, entry.StatusCode));
    }

    [Fact]
    public async Task RunAsync_NobodyListening_LogsEachAttemptThenGivesUp()
    {
        var unused = new Uri("http://127.0.0.1:1/hook");
        var sut = new WebhookDelivery(Options(unused) with { MaxRetries = 2 }, _http, _log, TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var running = sut.RunAsync(stop.Token);

        sut.Enqueue(Fired());
        await WaitForLogAsync(DeliveryOutcome.GaveUp);
        await stop.CancelAsync();
        await running;

        Assert.Equal([DeliveryOutcome.AttemptFailed, DeliveryOutcome.AttemptFailed, DeliveryOutcome.GaveUp], _log.Entries.Select(e => e.Outcome));
        Assert.All(_log.Entries, e => Assert.False(string.IsNullOrEmpty(e.Error)));
    }

    [Fact]
    public void Enqueue_QueueFull_DropsCountsAndLogsWithoutWaiting()
    {
        var sut = new WebhookDelivery(Options(new Uri("http://127.0.0.1:1/hook")) with { QueueCapacity = 2 }, _http, _log, TimeProvider.System);

        for (var i = 0; i < 5; i++) sut.Enqueue(Fired());

        Assert.Equal(3, sut.Dropped);
        Assert.Equal(3, _log.Entries.Count(e => e.Outcome == DeliveryOutcome.Dropped));
        Assert.Contains("queue full", _log.Entries[0].Error);
    }

    [Theory]
    [InlineData(null, "test-secret-0123456789", "not an absolute http or https URL")]
    [InlineData("ftp://127.0.0.1/hook", "test-secret-0123456789", "not an absolute http or https URL")]
    [InlineData("http://127.0.0.1/hook", "short", "shorter than 16 characters")]
    public void Constructor_BadSettings_SaysWhatToSet(string? url, string secret, string message)
    {
        var options = new WebhookOptions { Url = url is null ? null : new Uri(url), Secret = secret };

        var error = Assert.Throws<ArgumentException>(() => new WebhookDelivery(options, _http, _log, TimeProvider.System));

        Assert.Contains(message, error.Message);
    }

    private static WebhookOptions Options(Uri url) => new()
    {
        Url = url,
        Secret = WebhookReceiver.Secret,
        RetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(100),
    };

    private static AlertEvent Fired() => new(Guid.NewGuid(), AlertScenario.LotLow, AlertTransition.Fired, DateTimeOffset.UtcNow, 2);

    /// <summary>Waits (10 s at most) until the log holds <paramref name="count"/> entries of <paramref name="outcome"/>.</summary>
    private async Task WaitForLogAsync(DeliveryOutcome outcome, int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_log.Entries.Count(e => e.Outcome == outcome) < count)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
