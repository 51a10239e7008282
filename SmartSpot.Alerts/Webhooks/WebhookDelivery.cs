using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SmartSpot.Alerts.Delivery;
using SmartSpot.Alerts.Evaluation;

namespace SmartSpot.Alerts.Webhooks;

/// <summary>POSTs each alert event as signed JSON to one URL, retrying with exponential backoff (Polly), one event at a time, in order.</summary>
/// <remarks>Retried: no answer, a timeout, 408, 429 and 5xx. Any other answer ends the event's delivery. Every attempt, success,
/// give-up and drop goes to the <see cref="DeliveryLog"/>. Events still queued when <see cref="RunAsync"/> stops are not sent.</remarks>
public sealed class WebhookDelivery : IAlertDelivery
{
    private readonly WebhookOptions _options;
    private readonly HttpClient _http;
    private readonly DeliveryLog _log;
    private readonly TimeProvider _time;
    private readonly Uri _url;
    private readonly DeliveryQueue _queue;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public WebhookDelivery(WebhookOptions options, HttpClient http, DeliveryLog log, TimeProvider time)
    {
        OptionsCheck.Require(options, "SmartSpot:Alerts:Webhook");
        _url = options.Url ?? throw new ArgumentException(WebhookOptions.NotHttp(null), nameof(options));
        (_options, _http, _log, _time) = (options, http, log, time);
        _queue = new DeliveryQueue(Name, options.QueueCapacity, log, time);
        _pipeline = BuildPipeline();
    }

    public string Name => "webhook";

    public long Dropped => _queue.Dropped;

    public void Enqueue(AlertEvent alert) => _queue.Enqueue(alert);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var alert in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                await SendAsync(alert, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(AlertEvent alert, CancellationToken cancellationToken)
    {
        var body = AlertPayload.From(alert).ToJson();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(AlertKey, alert);
        var attempts = 0;
        try
        {
            using var response = await _pipeline.ExecuteAsync(async (context, body) =>
            {
                attempts++;
                using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Create(_options.Secret, _time.GetUtcNow(), body));
                return await _http.SendAsync(request, context.CancellationToken);
            }, context, body);
            var outcome = response.IsSuccessStatusCode ? DeliveryOutcome.Delivered : DeliveryOutcome.GaveUp;
            Log(alert, outcome, attempts, response.StatusCode, response.IsSuccessStatusCode ? null : Describe(response.StatusCode, response.ReasonPhrase));
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            // Unreachable, timed out, or anything else the receiver's side threw: the worker goes on with the next event.
            Log(alert, DeliveryOutcome.GaveUp, attempts, null, error.Message);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline() =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .Handle<OperationCanceledException>() // HttpClient's own timeout; Polly never retries our cancellation
                    .HandleResult(response => IsTransient(response.StatusCode)),
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryDelay,
                MaxDelay = _options.MaxRetryDelay,
                OnRetry = args =>
                {
                    var alert = args.Context.Properties.GetValue(AlertKey, null!);
                    var error = args.Outcome.Exception?.Message ?? Describe(args.Outcome.Result!.StatusCode, args.Outcome.Result.ReasonPhrase);
                    Log(alert, DeliveryOutcome.AttemptFailed, args.AttemptNumber + 1, args.Outcome.Result?.StatusCode,
                        $"{error}; retrying in {args.RetryDelay.TotalSeconds:0.##} s");
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(_options.AttemptTimeout)
            .Build();

    private void Log(AlertEvent alert, DeliveryOutcome outcome, int attempt, HttpStatusCode? status, string? error) =>
        _log.Add(new DeliveryLogEntry(_time.GetUtcNow(), Name, outcome, alert.Id, attempt, (int?)status, error));

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    private static string Describe(HttpStatusCode status, string? reason) => $"the receiver answered {(int)status} {reason}".TrimEnd();

    private static readonly ResiliencePropertyKey<AlertEvent> AlertKey = new("SmartSpot.Alert");
}
