using SmartSpot.Web.Sessions;

namespace SmartSpot.Web.Analysis;

/// <summary>A place reserved in the <see cref="SessionQueue"/>: <see cref="Enqueue"/> fills it, Dispose without enqueueing frees it.</summary>
public sealed class QueueReservation(SessionQueue queue) : IDisposable
{
    private int _used;

    public void Enqueue(AnalysisSession session)
    {
        if (Interlocked.Exchange(ref _used, 1) == 1) throw new InvalidOperationException("This queue place was already used.");
        queue.Enqueue(session);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _used, 1) == 0) queue.Release();
    }
}
