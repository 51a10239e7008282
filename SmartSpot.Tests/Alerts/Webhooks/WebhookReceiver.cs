using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SmartSpot.Alerts.Delivery;
using SmartSpot.Alerts.Webhooks;

namespace SmartSpot.Tests.Alerts.Webhooks;

/// <summary>A real HTTP receiver (Kestrel on 127.0.0.1, a free port) that records every POST and answers with a chosen status.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "test-secret-0123456789";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _requests = new();
    private int _count;

    /// <param name="status">The status to answer the n-th request (0-based) with.</param>
    private WebhookReceiver(Func<int, int> status)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var answer = status(Interlocked.Increment(ref _count) - 1);
            _requests.Enqueue(new Received(request.Headers[WebhookSignature.HeaderName].ToString(), body.ToArray(), answer));
            return Results.StatusCode(answer);
        });
    }

    public Uri Url => new(_app.Urls.First() + "/hook");

    public IReadOnlyList<Received> Requests => [.. _requests];

    /// <summary>The events the receiver accepted (answered 2xx), in arrival order.</summary>
    public IReadOnlyList<AlertPayload> Accepted => [.. _requests.Where(r => r.Status is >= 200 and < 300).Select(r => r.Payload)];

    public static async Task<WebhookReceiver> StartAsync(Func<int, int> status)
    {
        var receiver = new WebhookReceiver(status);
        await receiver._app.StartAsync(TestContext.Current.CancellationToken);
        return receiver;
    }

    /// <summary>Waits (10 s at most) until the receiver has what <paramref name="done"/> wants.</summary>
    public async Task WaitUntilAsync(Func<WebhookReceiver, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!done(this))
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public sealed record Received(string Signature, byte[] Body, int Status)
    {
        public AlertPayload Payload => JsonSerializer.Deserialize<AlertPayload>(Body, AlertPayload.JsonOptions)!;
    }
}
