using OpenCvSharp;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Web.Streaming;

namespace SmartSpot.Tests.Web.Streaming;

public sealed class FrameFeedTests
{
    private static readonly CancellationToken Cancel = TestContext.Current.CancellationToken;

    [Fact]
    public void Publish_NobodySubscribed_RendersNothing()
    {
        var sut = TestFrames.Feed();

        TestFrames.Publish(sut, 0);
        TestFrames.Publish(sut, 1);

        Assert.Equal(0, sut.Rendered);
        Assert.Equal(0, sut.Dropped);
    }

    [Fact]
    public async Task Publish_TwoSubscribers_ShareOneEncodedJpeg()
    {
        var sut = TestFrames.Feed();
        using var first = sut.Subscribe();
        using var second = sut.Subscribe();

        TestFrames.Publish(sut, 7);
        var a = await first.Frames.ReadAsync(Cancel);
        var b = await second.Frames.ReadAsync(Cancel);

        Assert.Same(a.Jpeg, b.Jpeg);
        Assert.Equal(7, a.FrameIndex);
        Assert.Equal(1, sut.Rendered);
    }

    [Fact]
    public async Task Publish_WhileTheLastFrameStillRenders_DropsRatherThanQueues()
    {
        var sut = TestFrames.Feed(maxWidth: 3840);
        using var subscription = sut.Subscribe();

        TestFrames.Publish(sut, 0, new Size(3840, 2160), noisy: true);
        TestFrames.Publish(sut, 1, new Size(64, 32));
        var first = await subscription.Frames.ReadAsync(Cancel);

        Assert.Equal(0, first.FrameIndex);
        Assert.Equal(1, sut.Dropped);
        Assert.Equal(1, sut.Rendered);
    }

    [Fact]
    public async Task Subscription_SlowReader_KeepsOnlyTheNewestFrame()
    {
        var sut = TestFrames.Feed();
        using var subscription = sut.Subscribe();

        for (var index = 0; index < 3; index++)
        {
            TestFrames.Publish(sut, index);
            await WaitUntilAsync(() => subscription.Frames.TryPeek(out var newest) && newest.FrameIndex == index);
            await Task.Delay(20, Cancel); // the renderer finishes its task just after handing the frame out
        }

        Assert.Equal(2, (await subscription.Frames.ReadAsync(Cancel)).FrameIndex);
        Assert.False(subscription.Frames.TryRead(out _));
    }

    [Fact]
    public async Task Subscribe_WhilePaused_GetsTheFrameTheRunStoppedOn()
    {
        var sut = PausedOnFrame41();

        using var subscription = sut.Subscribe();

        Assert.Equal(41, (await subscription.Frames.ReadAsync(Cancel)).FrameIndex);
    }

    [Fact]
    public async Task Subscribe_AnotherViewerLaterInThePause_GetsTheSameFrameWithoutRenderingAgain()
    {
        var sut = PausedOnFrame41();
        using var first = sut.Subscribe();
        var shown = await first.Frames.ReadAsync(Cancel);

        using var second = sut.Subscribe();

        Assert.True(second.Frames.TryRead(out var arrived), "the viewer who came second waits for a frame that never comes while paused");
        Assert.Same(shown.Jpeg, arrived.Jpeg);
        Assert.Equal(41, arrived.FrameIndex);
        Assert.Equal(1, sut.Rendered);
    }

    [Fact]
    public async Task Subscribe_AfterFramesNobodyWatched_GetsNoOlderFrame()
    {
        var sut = await ShownFrame5ThenLeftAsync();
        TestFrames.Publish(sut, 6);

        using var later = sut.Subscribe();

        Assert.False(later.Frames.TryRead(out var stale), $"a viewer arriving after frame 6 was shown frame {stale?.FrameIndex}");
    }

    [Fact]
    public async Task Begin_ANewRun_DoesNotShowThePreviousRunsFrame()
    {
        var sut = await ShownFrame5ThenLeftAsync();
        await sut.EndAsync();

        sut.Begin();
        using var next = sut.Subscribe();

        Assert.False(next.Frames.TryRead(out _));
    }

    [Fact]
    public async Task EndAsync_CompletesSubscriptionsAndRefusesNewOnesUntilBegin()
    {
        var sut = TestFrames.Feed();
        var subscription = sut.Subscribe();

        await sut.EndAsync();

        Assert.False(await subscription.Frames.WaitToReadAsync(Cancel));
        Assert.Equal(0, sut.Subscribers);
        Assert.False(await sut.Subscribe().Frames.WaitToReadAsync(Cancel));
        sut.Begin();
        using var again = sut.Subscribe();
        Assert.Equal(1, sut.Subscribers);
    }

    [Fact]
    public void Dispose_LeavesTheFeed()
    {
        var sut = TestFrames.Feed();
        var subscription = sut.Subscribe();

        subscription.Dispose();
        subscription.Dispose();
        TestFrames.Publish(sut, 0);

        Assert.Equal(0, sut.Subscribers);
        Assert.Equal(0, sut.Rendered);
    }

    /// <summary>A feed whose run was paused and then published frame 41, with nobody watching.</summary>
    private static FrameFeed PausedOnFrame41()
    {
        var playback = new PlaybackControl();
        var sut = TestFrames.Feed(playback);
        playback.Pause();
        TestFrames.Publish(sut, 41);
        return sut;
    }

    /// <summary>A feed on which a viewer saw frame 5 and left.</summary>
    private static async Task<FrameFeed> ShownFrame5ThenLeftAsync()
    {
        var sut = TestFrames.Feed();
        using var viewer = sut.Subscribe();
        TestFrames.Publish(sut, 5);
        await viewer.Frames.ReadAsync(Cancel);
        return sut;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(5, Cancel);
        Assert.True(condition());
    }
}
