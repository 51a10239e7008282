using System.Collections.Concurrent;
using MQTTnet;

namespace SmartSpot.Tests.Alerts.Mqtt;

/// <summary>An MQTTnet client that subscribes to topic filters (and its own test/sync/#) on the test broker and records what arrives, retained flag included.</summary>
public sealed class MqttSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<Message> _messages = new();

    public IReadOnlyList<Message> Messages => [.. _messages];

    /// <summary>The latest payload of every topic seen.</summary>
    public IReadOnlyDictionary<string, Message> Latest => Messages.GroupBy(m => m.Topic).ToDictionary(g => g.Key, g => g.Last());

    public static Task<MqttSubscriber> ConnectAsync(int port, params string[] filters) => ConnectAsAsync(Guid.NewGuid().ToString("N"), port, filters);

    public static async Task<MqttSubscriber> ConnectAsAsync(string clientId, int port, params string[] filters)
    {
        var subscriber = new MqttSubscriber();
        subscriber._client.ApplicationMessageReceivedAsync += args =>
        {
            subscriber._messages.Enqueue(new Message(args.ApplicationMessage.Topic, args.ApplicationMessage.ConvertPayloadToString(), args.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
        var ct = TestContext.Current.CancellationToken;
        await subscriber._client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(clientId).WithCleanSession().Build(), ct);
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in filters.Append("test/sync/#")) subscribe.WithTopicFilter(filter, MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce);
        await subscriber._client.SubscribeAsync(subscribe.Build(), ct);
        return subscriber;
    }

    /// <summary>Publishes to a topic of its own and waits for it to come back: everything the broker queued for this client before it has arrived.</summary>
    public async Task SyncAsync()
    {
        var marker = Guid.NewGuid().ToString("N");
        await _client.PublishStringAsync($"test/sync/{marker}", marker, MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: TestContext.Current.CancellationToken);
        await WaitUntilAsync(messages => messages.Any(m => m.Payload == marker));
    }

    /// <summary>Waits (10 s at most) until the messages so far satisfy <paramref name="done"/>.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<Message>, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!done(Messages))
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected) await _client.DisconnectAsync();
        _client.Dispose();
    }

    public sealed record Message(string Topic, string Payload, bool Retained);
}
