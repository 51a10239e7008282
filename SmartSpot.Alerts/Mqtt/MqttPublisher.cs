using System.Text;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;
using Polly;
using Polly.Retry;
using SmartSpot.Alerts.Delivery;
using SmartSpot.Alerts.Evaluation;
using SmartSpot.Alerts.Observations;

namespace SmartSpot.Alerts.Mqtt;

/// <summary>Publishes counts, spot states and camera states (retained, latest value only), Home Assistant discovery configs and
/// alert events (queued, not retained) to one MQTT broker (MQTTnet), reconnecting with backoff (Polly) when it goes away.</summary>
/// <remarks>Availability: "online" on <see cref="MqttTopics.Availability"/> after connecting, "offline" on a clean stop and as
/// the last will the broker sends when SmartSpot vanishes. After every (re)connection all retained topics are sent again.</remarks>
public sealed class MqttPublisher : IAlertDelivery
{
    private readonly MqttOptions _options;
    private readonly DeliveryLog _log;
    private readonly TimeProvider _time;
    private readonly MqttTopics _topics;
    private readonly RetainedMessages _retained = new();
    private readonly RetainedStateWriter _state;
    private readonly DeliveryQueue _events;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly string _clientId;

    public MqttPublisher(MqttOptions options, DeliveryLog log, TimeProvider time)
    {
        OptionsCheck.Require(options, "SmartSpot:Alerts:Mqtt");
        (_options, _log, _time) = (options, log, time);
        _topics = new MqttTopics(options.BaseTopic);
        _state = new RetainedStateWriter(options, _topics, _retained);
        _events = new DeliveryQueue(Name, options.QueueCapacity, log, time);
        _clientId = options.ClientId ?? $"smartspot-{Guid.NewGuid():N}"[..18];
    }

    public string Name => "mqtt";

    public long Dropped => _events.Dropped;

    public void Enqueue(AlertEvent alert)
    {
        _events.Enqueue(alert);
        Wake();
    }

    public void Publish(ScopeObservation observation)
    {
        _state.Write(observation);
        Wake();
    }

    public void Publish(CameraObservation observation)
    {
        _state.Write(observation);
        Wake();
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        client.DisconnectedAsync += args =>
        {
            if (args.ClientWasConnected && !cancellationToken.IsCancellationRequested)
            {
                Log(DeliveryOutcome.Disconnected, null, 0, $"lost the broker at {_options.Host}:{_options.Port}: {args.Reason} {args.Exception?.Message}".TrimEnd());
            }
            Wake();
            return Task.CompletedTask;
        };
        var reconnect = BuildReconnectPipeline();
        Wake();
        try
        {
            while (true)
            {
                await _wake.Reader.ReadAsync(cancellationToken);
                if (!client.IsConnected)
                {
                    await reconnect.ExecuteAsync(async ct => await ConnectAsync(client, ct), cancellationToken);
                }
                await SendPendingAsync(client, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await GoOfflineAsync(client);
        }
    }

    private async Task ConnectAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            .WithClientId(_clientId)
            .WithCleanSession()
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithWillTopic(_topics.Availability)
            .WithWillPayload("offline"u8.ToArray())
            .WithWillRetain()
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (_options.Username is not null) builder.WithCredentials(_options.Username, _options.Password);
        if (_options.UseTls) builder.WithTlsOptions(tls => tls.UseTls());
        await client.ConnectAsync(builder.Build(), cancellationToken);
        await PublishAsync(client, _topics.Availability, "online", retain: true, cancellationToken);
        _retained.MarkAllUnsent();
        Log(DeliveryOutcome.Connected, null, 0, null);
    }

    /// <summary>Retained states first (the latest of each), then the queued events in order. When the connection drops mid-way
    /// the rest waits for the reconnection; a message the connected broker will not take is logged and not retried.</summary>
    private async Task SendPendingAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        while (client.IsConnected && _retained.TryTakeUnsent(out var topic, out var payload))
        {
            try
            {
                await PublishAsync(client, topic, payload, retain: true, cancellationToken);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                if (!client.IsConnected) _retained.MarkUnsent(topic);
                else Log(DeliveryOutcome.GaveUp, null, 1, $"could not publish {topic}: {error.Message}");
            }
        }
        while (client.IsConnected && _events.Reader.TryPeek(out var alert))
        {
            try
            {
                var result = await PublishAsync(client, _topics.Events(alert.Scope), Encoding.UTF8.GetString(AlertPayload.From(alert).ToJson()), retain: false, cancellationToken);
                Log(result.IsSuccess ? DeliveryOutcome.Delivered : DeliveryOutcome.GaveUp, alert.Id, 1,
                    result.IsSuccess ? null : $"the broker refused the event: {result.ReasonCode} {result.ReasonString}".TrimEnd());
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                if (!client.IsConnected) break;
                Log(DeliveryOutcome.GaveUp, alert.Id, 1, error.Message);
            }
            _events.Reader.TryRead(out _);
        }
        if (!client.IsConnected) Wake();
    }

    private async Task GoOfflineAsync(IMqttClient client)
    {
        if (!client.IsConnected) return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), _time);
        try
        {
            await PublishAsync(client, _topics.Availability, "offline", retain: true, timeout.Token);
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token);
        }
        catch (Exception error) when (error is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException)
        {
            // Stopping anyway: the broker sends the last will ("offline") for us.
        }
    }

    private static Task<MqttClientPublishResult> PublishAsync(IMqttClient client, string topic, string payload, bool retain, CancellationToken cancellationToken) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);

    private ResiliencePipeline BuildReconnectPipeline() =>
        new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions
            {
                // Anything but our own cancellation (Polly stops on that by itself): refused, unreachable, timed out, TLS.
                ShouldHandle = new PredicateBuilder().Handle<Exception>(),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.ReconnectDelay,
                MaxDelay = _options.MaxReconnectDelay,
                OnRetry = args =>
                {
                    Log(DeliveryOutcome.Disconnected, null, args.AttemptNumber + 1,
                        $"cannot reach the broker at {_options.Host}:{_options.Port}: {args.Outcome.Exception?.Message}; retrying in {args.RetryDelay.TotalSeconds:0.#} s");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    private void Wake() => _wake.Writer.TryWrite(true);

    private void Log(DeliveryOutcome outcome, Guid? alert, int attempt, string? error) =>
        _log.Add(new DeliveryLogEntry(_time.GetUtcNow(), Name, outcome, alert, attempt, null, error));
}
