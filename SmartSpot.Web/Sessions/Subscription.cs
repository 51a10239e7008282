namespace SmartSpot.Web.Sessions;

/// <summary>Runs its action on the first Dispose only; the handle returned by Subscribe and Watch.</summary>
internal sealed class Subscription(Action dispose) : IDisposable
{
    private Action? _dispose = dispose;

    public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
}
