using Bunit;
using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Components.Occupancy;
using SmartSpot.Tests.Web.Streaming;
using SmartSpot.Web.Streaming;
using LiveFrame = SmartSpot.Web.Components.Occupancy.LiveFrame;

namespace SmartSpot.Tests.Web.Components.Occupancy;

public sealed class LiveFrameTests : MudTestContext
{
    private const string Module = "./Components/Occupancy/LiveFrame.razor.js";
    private static readonly ParkingSpot[] Spots = [new(1, new PixelBox(100, 50, 200, 100), 18000), new(2, new PixelBox(400, 50, 200, 100), 18000)];

    /// <summary>How long a loaded machine may take to run the component's send loop.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static FrameFeed NewFeed() => TestFrames.Feed();

    /// <summary>Publishes frame <paramref name="index"/> and waits until the feed has rendered it (so the next one is not dropped).</summary>
    private static void Publish(FrameFeed feed, int index)
    {
        var rendered = feed.Rendered;
        TestFrames.Publish(feed, index);
        Assert.True(SpinWait.SpinUntil(() => feed.Rendered > rendered, TimeSpan.FromSeconds(10)));
        Thread.Sleep(20);
    }

    private IRenderedComponent<LiveFrame> RenderFrame(FrameFeed? feed, IReadOnlyList<SpotState>? states = null) =>
        Render<LiveFrame>(parameters => parameters
            .Add(frame => frame.Feed, feed)
            .Add(frame => frame.Live, feed is not null)
            .Add(frame => frame.VideoWidth, 1000)
            .Add(frame => frame.VideoHeight, 500)
            .Add(frame => frame.Spots, Spots)
            .Add(frame => frame.States, states ?? []));

    [Fact]
    public void Render_Spots_PlacesOneOutlinePerSpotInPercentOfTheVideo()
    {
        var sut = RenderFrame(null);

        var outlines = sut.FindAll("[data-testid=spot-outline]");
        Assert.Equal(2, outlines.Count);
        Assert.Equal("left:10%;top:10%;width:20%;height:20%;", outlines[0].GetAttribute("style"));
        Assert.Contains("aspect-ratio: 1000 / 500", sut.Find("[data-testid=frame-box]").GetAttribute("style"));
    }

    [Fact]
    public void Render_StoredSessionWithStates_ColoursTheOutlines()
    {
        var sut = RenderFrame(null, [new(1, SpotStatus.Free, 1, 0, TimeSpan.Zero), new(2, SpotStatus.Occupied, 1, 0, TimeSpan.Zero)]);

        var outlines = sut.FindAll("[data-testid=spot-outline]");
        Assert.Contains("free", outlines[0].ClassList);
        Assert.Contains("occupied", outlines[1].ClassList);
    }

    [Fact]
    public void Render_HighlightedSpot_StandsOutOnTheFrame()
    {
        var sut = Render<LiveFrame>(parameters => parameters
            .Add(frame => frame.VideoWidth, 1000)
            .Add(frame => frame.VideoHeight, 500)
            .Add(frame => frame.Spots, Spots)
            .Add(frame => frame.HighlightedSpotId, 2));

        Assert.Equal("2", sut.Find(".spot-outline.highlighted").GetAttribute("data-spot-id"));
    }

    [Fact]
    public void Frames_WhileOneIsBeingShown_OnlyTheNewestIsSentNext()
    {
        var module = JSInterop.SetupModule(Module);
        module.Setup<bool>("attach", _ => true).SetResult(true);
        var show = module.SetupVoid("show", _ => true);
        var feed = NewFeed();
        var sut = RenderFrame(feed);
        sut.WaitForAssertion(() => Assert.Equal(1, feed.Subscribers), Patience);

        Publish(feed, 1);
        sut.WaitForAssertion(() => Assert.Single(show.Invocations.ToList()), Patience);
        Publish(feed, 2);
        Publish(feed, 3);
        Assert.Single(show.Invocations.ToList());

        show.SetVoidResult();

        sut.WaitForAssertion(() => Assert.Equal(2, show.Invocations.Count()), Patience);
        Assert.Equal(3L, show.Invocations.ElementAt(1).Arguments[3]); // frame 2 was skipped: the subscription keeps the newest only
        Assert.Equal(1, feed.Subscribers);
    }

    [Fact]
    public void Frames_WhileTheTabIsHidden_AreNeitherSentNorAskedFor()
    {
        var module = JSInterop.SetupModule(Module);
        module.Setup<bool>("attach", _ => true).SetResult(true);
        var show = module.SetupVoid("show", _ => true);
        show.SetVoidResult();
        var feed = NewFeed();
        var sut = RenderFrame(feed);
        sut.WaitForAssertion(() => Assert.True(feed.Subscribers > 0), Patience);

        sut.InvokeAsync(() => sut.Instance.OnVisibilityChanged(false));
        TestFrames.Publish(feed, 1);
        Assert.Empty(show.Invocations.ToList());
        Assert.Equal(0, feed.Subscribers);
        Assert.Equal(0, feed.Rendered);

        sut.InvokeAsync(() => sut.Instance.OnVisibilityChanged(true));
        sut.WaitForAssertion(() => Assert.Equal(1, feed.Subscribers), Patience);
        Publish(feed, 2);
        sut.WaitForAssertion(() => Assert.Single(show.Invocations.ToList()), Patience);
    }

    [Fact]
    public async Task Dispose_StopsWatching()
    {
        var module = JSInterop.SetupModule(Module);
        module.Setup<bool>("attach", _ => true).SetResult(true);
        var feed = NewFeed();
        var sut = RenderFrame(feed);
        sut.WaitForAssertion(() => Assert.True(feed.Subscribers > 0), Patience);

        await DisposeComponentsAsync();

        Assert.False(feed.Subscribers > 0);
    }

    [Fact]
    public async Task Dispose_WhileTheScriptIsAttaching_NeverStartsWatching()
    {
        var module = JSInterop.SetupModule(Module);
        var attach = module.Setup<bool>("attach", _ => true);
        var feed = NewFeed();
        RenderFrame(feed);

        await DisposeComponentsAsync();
        attach.SetResult(true);

        // A negative: give the resumed attach a moment to (wrongly) start watching.
        Assert.False(SpinWait.SpinUntil(() => feed.Subscribers > 0, TimeSpan.FromMilliseconds(300)));
    }
}
