using Microsoft.Extensions.Time.Testing;
using SmartSpot.Vision.Pipeline;

namespace SmartSpot.Tests.Vision.Pipeline;

public sealed class FramePacerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task WaitForAsync_RealTime_HoldsAFrameUntilItsVideoTime()
    {
        var sut = new FramePacer(new PlaybackControl(speed: 1.0), _time);
        await sut.WaitForAsync(TimeSpan.Zero, TestContext.Current.CancellationToken);

        var second = sut.WaitForAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMilliseconds(900));
        Assert.False(second.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(100));
        await second.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task WaitForAsync_DoubleSpeed_HalvesTheWait()
    {
        var sut = new FramePacer(new PlaybackControl(speed: 2.0), _time);
        await sut.WaitForAsync(TimeSpan.Zero, TestContext.Current.CancellationToken);

        var next = sut.WaitForAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMilliseconds(500));

        await next.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task WaitForAsync_AsFastAsPossible_NeverWaits()
    {
        var sut = new FramePacer(new PlaybackControl(speed: null), _time);

        var waits = Enumerable.Range(0, 10).Select(i => sut.WaitForAsync(TimeSpan.FromSeconds(i), TestContext.Current.CancellationToken));

        Assert.All(waits, wait => Assert.True(wait.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task WaitForAsync_Paused_WaitsForResume()
    {
        var playback = new PlaybackControl(speed: null);
        var sut = new FramePacer(playback, _time);
        playback.Pause();

        var wait = sut.WaitForAsync(TimeSpan.Zero, TestContext.Current.CancellationToken);
        Assert.False(wait.IsCompleted);

        playback.Resume();
        await wait.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }
}
