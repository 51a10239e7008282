using System.Threading.Channels;

namespace SmartSpot.Web.Streaming;

/// <summary>One viewer's place on a <see cref="FrameFeed"/>: the newest frame waits here, older ones are dropped. Dispose to leave.</summary>
public sealed class FrameSubscription : IDisposable
{
    private readonly Channel<LiveFrame> _frames = Channel.CreateBounded<LiveFrame>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private Action<FrameSubscription>? _leave;

    internal FrameSubscription(Action<FrameSubscription> leave) => _leave = leave;

    /// <summary>The frames for this viewer, newest only; completes when the run ends.</summary>
    public ChannelReader<LiveFrame> Frames => _frames.Reader;

    public void Dispose() => Interlocked.Exchange(ref _leave, null)?.Invoke(this);

    internal void Offer(LiveFrame frame) => _frames.Writer.TryWrite(frame);

    internal void Complete() => _frames.Writer.TryComplete();
}
