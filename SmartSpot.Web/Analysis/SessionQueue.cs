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
    public QueueReservation Reserve()
    {
        if (Interlocked.Increment(ref _taken) > options.Value.QueueCapacity)
        {
            Interlocked.Decrement(ref _taken);
            throw new QueueFullException(options.Value.QueueCapacity);
        }
        return new QueueReservation(this);
    }

    internal void Enqueue(AnalysisSession session) => _waiting.Writer.TryWrite(session);

    internal void Release() => Interlocked.Decrement(ref _taken);

    /// <summary>The next waiting analysis; its place is free again once it is read.</summary>
    public async ValueTask<AnalysisSession> ReadAsync(CancellationToken cancellationToken)
    {
        var session = await _waiting.Reader.ReadAsync(cancellationToken);
        Release();
        return session;
    }
}
