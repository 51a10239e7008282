namespace SmartSpot.Web.Components;

/// <summary>Turns change notifications from any thread into at most one render per interval, always rendering the last change.</summary>
/// <param name="render">Runs the render on the component's dispatcher, e.g. <c>() => InvokeAsync(StateHasChanged)</c>.</param>
public sealed class RenderThrottle(TimeSpan interval, Func<Task> render, TimeProvider? time = null) : IDisposable
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly CancellationTokenSource _disposed = new();
    private int _scheduled;
    private long _lastRender;

    /// <summary>Asks for a render; requests that come while one is scheduled are folded into it.</summary>
    public void Request()
    {
        if (_disposed.IsCancellationRequested || Interlocked.Exchange(ref _scheduled, 1) == 1)
        {
            return;
        }
        _ = RenderSoonAsync();
    }

    private async Task RenderSoonAsync()
    {
        try
        {
            var wait = interval - _time.GetElapsedTime(Interlocked.Read(ref _lastRender));
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, _disposed.Token);
            }
            // Changes from here on schedule the next render, so the last one is never lost.
            Volatile.Write(ref _scheduled, 0);
            Interlocked.Exchange(ref _lastRender, _time.GetTimestamp());
            await render();
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            // The component is gone.
        }
    }

    public void Dispose() => _disposed.Cancel();
}
