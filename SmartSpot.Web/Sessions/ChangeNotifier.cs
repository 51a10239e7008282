namespace SmartSpot.Web.Sessions;

/// <summary>Change callbacks, thread-safe: subscribe (dispose the handle to leave) and notify them all; a failing one is logged and the others still run.</summary>
public sealed class ChangeNotifier<T>(ILogger logger)
{
    private readonly Lock _lock = new();
    private Action<T>[] _subscribers = [];

    public IDisposable Subscribe(Action<T> onChanged)
    {
        lock (_lock) _subscribers = [.. _subscribers, onChanged];
        return new Subscription(() =>
        {
            lock (_lock) _subscribers = _subscribers.Where(subscriber => subscriber != onChanged).ToArray();
        });
    }

    public void Notify(T changed)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber(changed);
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "A subscriber to {Changed} failed; the others still run.", changed);
            }
        }
    }
}
