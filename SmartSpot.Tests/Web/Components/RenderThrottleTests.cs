using Microsoft.Extensions.Time.Testing;
using SmartSpot.Web.Components;

namespace SmartSpot.Tests.Web.Components;

public sealed class RenderThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly FakeTimeProvider _time = new();
    private int _renders;

    private RenderThrottle NewThrottle() => new(Interval, () =>
    {
        Interlocked.Increment(ref _renders);
        return Task.CompletedTask;
    }, _time);

    [Fact]
    public void Request_First_RendersAtOnce()
    {
        using var sut = NewThrottle();

        sut.Request();

        Assert.Equal(1, _renders);
    }

    [Fact]
    public void Request_BurstWithinTheInterval_RendersOnceMoreAfterTheInterval()
    {
        using var sut = NewThrottle();
        sut.Request();

        for (var request = 0; request < 50; request++) sut.Request();
        Assert.Equal(1, _renders);
        _time.Advance(Interval);

        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref _renders) == 2, TimeSpan.FromSeconds(5)));
        _time.Advance(Interval * 5);
        Assert.Equal(2, _renders);
    }

    [Fact]
    public void Request_AfterDispose_DoesNotRender()
    {
        var sut = NewThrottle();
        sut.Request();
        sut.Request();

        sut.Dispose();
        _time.Advance(Interval);
        sut.Request();

        Assert.Equal(1, _renders);
    }
}
