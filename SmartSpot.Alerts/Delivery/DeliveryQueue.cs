using System.Threading.Channels;
using SmartSpot.Alerts.Evaluation;

namespace SmartSpot.Alerts.Delivery;

/// <summary>A delivery's bounded event queue: a full queue drops the new event, counts it and logs it, and never blocks the writer.</summary>
internal sealed class DeliveryQueue(string delivery, int capacity, DeliveryLog log, TimeProvider time)
{
    private readonly Channel<AlertEvent> _channel = Channel.CreateBounded<AlertEvent>(
        new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private long _dropped;

    public long Dropped => Interlocked.Read(ref _dropped);

    public ChannelReader<AlertEvent> Reader => _channel.Reader;

    public void Enqueue(AlertEvent alert)
    {
        if (_channel.Writer.TryWrite(alert)) return;
        Interlocked.Increment(ref _dropped);
        log.Add(new DeliveryLogEntry(time.GetUtcNow(), delivery, DeliveryOutcome.Dropped, alert.Id, 0, null,
            $"queue full ({capacity} events waiting): {alert.Message} [{alert.Transition}] dropped"));
    }
}
