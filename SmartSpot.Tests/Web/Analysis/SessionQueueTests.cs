using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartSpot.Vision.Rendering;
using SmartSpot.Web.Analysis;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Tests.Web.Analysis;

public sealed class SessionQueueTests
{
    private readonly SessionQueue _sut = new(Options.Create(new AnalysisOptions { QueueCapacity = 2 }));

    [Fact]
    public void Reserve_BeyondCapacity_ThrowsQueueFull()
    {
        using var first = _sut.Reserve();
        using var second = _sut.Reserve();

        var full = Assert.Throws<QueueFullException>(() => _sut.Reserve());

        Assert.Contains("QueueCapacity", full.Message);
    }

    [Fact]
    public void Reservation_DisposedUnused_FreesItsPlace()
    {
        using var first = _sut.Reserve();
        _sut.Reserve().Dispose();

        using var again = _sut.Reserve();
        Assert.Throws<QueueFullException>(() => _sut.Reserve());
    }

    [Fact]
    public async Task Enqueued_HoldsItsPlaceUntilTheWorkerReadsIt()
    {
        var session = Session();
        using (var reservation = _sut.Reserve())
        {
            reservation.Enqueue(session);
        }
        using var other = _sut.Reserve();
        Assert.Throws<QueueFullException>(() => _sut.Reserve());

        Assert.Same(session, await _sut.ReadAsync(TestContext.Current.CancellationToken));

        using var freed = _sut.Reserve();
    }

    [Fact]
    public void Enqueue_Twice_IsRefused()
    {
        using var reservation = _sut.Reserve();
        reservation.Enqueue(Session());

        Assert.Throws<InvalidOperationException>(() => reservation.Enqueue(Session()));
    }

    private static AnalysisSession Session() => new(
        Guid.NewGuid(), "lot", DateTimeOffset.UnixEpoch, new SessionSource(SessionKind.Upload, Guid.NewGuid(), "v.avi", "uploads/v.avi", "m.png", "uploads/m.png"),
        1.0, new LiveFrameRenderer(new FrameRenderOptions()), TimeProvider.System, NullLogger.Instance);
}
