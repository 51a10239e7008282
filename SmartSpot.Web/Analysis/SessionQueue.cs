using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Web.Analysis;

/// <summary>
/// The analyses waiting for a slot, bounded by SmartSpot:Analysis:QueueCapacity. A place is reserved before anything is
/// stored for a new analysis, so a full queue refuses it before a row or file is written.
/// </summary>
public sealed class SessionQueue(IOptions<AnalysisOptions> options)
{
    private readonly Channel<AnalysisSession> _waiting = Channel.CreateUnbounded<AnalysisSession>(new UnboundedChannelOptions { SingleReader = true });
    private int _taken;

    /// <summary>Reserves a place; throws <see cref="QueueFullException"/> when every place is taken (waiting or reserved).</summary>
    public Reservation Reserve()
    {
        if (Interlocked.Increment(ref _taken) > options.Value.QueueCapacity)
        {
            Interlocked.Decrement(ref _taken);
            throw new QueueFullException(options.Value.QueueCapacity);
        }
        return new Reservation(this);
    }

    /// <summary>The next waiting analysis; its place is free again once it is read.</summary>
    public async ValueTask<AnalysisSession> ReadAsync(CancellationToken cancellationToken)
    {
        var session = await _waiting.Reader.ReadAsync(cancellationToken);
        Interlocked.Decrement(ref _taken);
        return session;
    }

    /// <summary>A reserved place: <see cref="Enqueue"/> fills it, Dispose without enqueueing frees it.</summary>
    public sealed class Reservation(SessionQueue queue) : IDisposable
    {
        private int _used;

        public void Enqueue(AnalysisSession session)
        {
            if (Interlocked.Exchange(ref _used, 1) == 1) throw new InvalidOperationException("This queue place was already used.");
            queue._waiting.Writer.TryWrite(session);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _used, 1) == 0) Interlocked.Decrement(ref queue._taken);
        }
    }
}
