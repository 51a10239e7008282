using SmartSpot.Vision.Pipeline;
using SmartSpot.Vision.Rendering;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Web.Streaming;

/// <summary>
/// A session's live frames: the run publishes every analysed frame; while somebody subscribes, a frame is rendered
/// to JPEG on the side (dropped when the last one is still rendering) and the one JPEG goes to every subscriber.
/// A viewer arriving gets the last rendered frame at once while it is still the newest analysed one, and the frame a
/// paused run stopped on is kept and rendered for the first viewer, so nobody waits on a paused run or a slow camera,
/// and nobody is shown an old frame. Never calls back.
/// </summary>
public sealed class FrameFeed(LiveFrameRenderer renderer, PlaybackControl playback, TimeProvider time, ILogger logger)
{
    private readonly Lock _lock = new();
    private readonly List<FrameSubscription> _subscribers = [];
    private Task _rendering = Task.CompletedTask;
    private (CapturedFrame Frame, IReadOnlyList<ParkingSpot> Spots)? _held;
    private LiveFrame? _newest;
    private long _sequence;
    private bool _ended;

    /// <summary>Frames not rendered because the renderer was still busy with the previous one.</summary>
    public long Dropped { get; private set; }

    /// <summary>Frames rendered so far.</summary>
    public long Rendered => Interlocked.Read(ref _sequence);

    /// <summary>Viewers subscribed now.</summary>
    public int Subscribers
    {
        get { lock (_lock) return _subscribers.Count; }
    }

    /// <summary>Joins the feed: the newest frame comes at once when it was rendered (or the one a paused run stopped on, once rendered), then every next one.</summary>
    public FrameSubscription Subscribe()
    {
        var subscription = new FrameSubscription(Leave);
        lock (_lock)
        {
            if (_ended)
            {
                subscription.Complete();
                return subscription;
            }
            _subscribers.Add(subscription);
            if (_newest is { } newest) subscription.Offer(newest);
            if (_held is { } held && _rendering.IsCompleted)
            {
                _held = null;
                Render(held.Frame, held.Spots);
            }
        }
        return subscription;
    }

    /// <summary>Called by the run for every analysed frame; copies it only when it will be rendered or held, never waits.</summary>
    public void Publish(FrameResult result, IReadOnlyList<ParkingSpot> spots)
    {
        lock (_lock)
        {
            DropHeld();
            if (_subscribers.Count > 0)
            {
                if (_rendering.IsCompleted)
                {
                    Render(CapturedFrame.Of(result), spots);
                    return;
                }
                Dropped++;
            }
            else
            {
                _newest = null; // older than this frame, which nobody watches: a viewer arriving later must not see it
            }
            if (playback.IsPaused)
            {
                _held = (CapturedFrame.Of(result), spots);
            }
        }
    }

    /// <summary>A new run starts: subscriptions are accepted again.</summary>
    public void Begin()
    {
        lock (_lock) (_ended, _newest) = (false, null);
    }

    /// <summary>The run is over: waits for the frame being rendered, then completes every subscription.</summary>
    public async Task EndAsync()
    {
        Task rendering;
        lock (_lock) rendering = _rendering;
        await rendering;
        lock (_lock)
        {
            (_ended, _newest) = (true, null);
            DropHeld();
            _subscribers.ForEach(subscriber => subscriber.Complete());
            _subscribers.Clear();
        }
    }

    private void Leave(FrameSubscription subscription)
    {
        lock (_lock) _subscribers.Remove(subscription);
    }

    private void DropHeld()
    {
        _held?.Frame.Dispose();
        _held = null;
    }

    private void Render(CapturedFrame frame, IReadOnlyList<ParkingSpot> spots)
    {
        var analysedAt = time.GetUtcNow();
        _rendering = Task.Run(() =>
        {
            using (frame)
            {
                try
                {
                    var jpeg = renderer.Render(frame, spots);
                    var live = new LiveFrame(Interlocked.Increment(ref _sequence), frame.Index, frame.Timestamp, analysedAt, jpeg);
                    FrameSubscription[] subscribers;
                    lock (_lock) (subscribers, _newest) = ([.. _subscribers], live);
                    foreach (var subscriber in subscribers) subscriber.Offer(live);
                }
                catch (Exception error)
                {
                    logger.LogWarning(error, "Could not render frame {Frame}; viewers keep the previous one.", frame.Index);
                }
            }
            lock (_lock)
            {
                // A viewer arrived while this frame rendered and the run is paused: the held frame follows.
                if (_held is { } held && _subscribers.Count > 0)
                {
                    _held = null;
                    Render(held.Frame, held.Spots);
                }
            }
        });
    }
}
