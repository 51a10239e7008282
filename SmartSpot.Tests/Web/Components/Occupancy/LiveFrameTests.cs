using Bunit;
using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Components.Occupancy;
using SmartSpot.Web.Services;
using LiveFrame = SmartSpot.Web.Components.Occupancy.LiveFrame;

namespace SmartSpot.Tests.Web.Components.Occupancy;

public sealed class LiveFrameTests : MudTestContext
{
    private const string Module = "./Components/Occupancy/LiveFrame.razor.js";
    private static readonly ParkingSpot[] Spots = [new(1, new PixelBox(100, 50, 200, 100), 18000), new(2, new PixelBox(400, 50, 200, 100), 18000)];

    private static AnalysisSession NewSession() => new(
        Guid.NewGuid(), "Lot A", DateTimeOffset.UnixEpoch,
        new SessionFiles(new StoredUpload("video.mp4", "video.mp4", 1), new StoredUpload("mask.png", "mask.png", 1)));

    private static void Publish(AnalysisSession session, long sequence) =>
        session.Publish(new SmartSpot.Web.Services.LiveFrame(sequence, (int)sequence, TimeSpan.FromSeconds(sequence), DateTimeOffset.UnixEpoch.AddSeconds(sequence), [0xFF, 0xD8, (byte)sequence]));

    private IRenderedComponent<LiveFrame> RenderFrame(AnalysisSession? session, IReadOnlyList<SpotState>? states = null) =>
        Render<LiveFrame>(parameters => parameters
            .Add(frame => frame.Session, session)
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
        var session = NewSession();
        var sut = RenderFrame(session);

        Publish(session, 1);
        sut.WaitForAssertion(() => Assert.Single(show.Invocations.ToList()));
        Publish(session, 2);
        Publish(session, 3);
        Assert.Single(show.Invocations.ToList());

        show.SetVoidResult();

        sut.WaitForAssertion(() => Assert.Equal(2, show.Invocations.Count()));
        Assert.Equal(3L, show.Invocations.ElementAt(1).Arguments[3]);
        Assert.True(session.IsWatched);
    }

    [Fact]
    public void Frames_WhileTheTabIsHidden_AreNeitherSentNorAskedFor()
    {
        var module = JSInterop.SetupModule(Module);
        module.Setup<bool>("attach", _ => true).SetResult(true);
        var show = module.SetupVoid("show", _ => true);
        show.SetVoidResult();
        var session = NewSession();
        var sut = RenderFrame(session);
        sut.WaitForAssertion(() => Assert.True(session.IsWatched));

        sut.InvokeAsync(() => sut.Instance.OnVisibilityChanged(false));
        Publish(session, 1);
        Assert.Empty(show.Invocations.ToList());
        Assert.False(session.IsWatched);

        sut.InvokeAsync(() => sut.Instance.OnVisibilityChanged(true));
        sut.WaitForAssertion(() => Assert.Single(show.Invocations.ToList()));
        Assert.True(session.IsWatched);
    }

    [Fact]
    public async Task Dispose_StopsWatching()
    {
        var module = JSInterop.SetupModule(Module);
        module.Setup<bool>("attach", _ => true).SetResult(true);
        var session = NewSession();
        var sut = RenderFrame(session);
        sut.WaitForAssertion(() => Assert.True(session.IsWatched));

        await DisposeComponentsAsync();

        Assert.False(session.IsWatched);
    }

    [Fact]
    public async Task Dispose_WhileTheScriptIsAttaching_NeverStartsWatching()
    {
        var module = JSInterop.SetupModule(Module);
        var attach = module.Setup<bool>("attach", _ => true);
        var session = NewSession();
        RenderFrame(session);

        await DisposeComponentsAsync();
        attach.SetResult(true);

        // A negative: give the resumed attach a moment to (wrongly) start watching.
        Assert.False(SpinWait.SpinUntil(() => session.IsWatched, TimeSpan.FromMilliseconds(300)));
    }
}
