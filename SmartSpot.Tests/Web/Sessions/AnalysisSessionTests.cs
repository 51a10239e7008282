using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Vision.Rendering;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Tests.Web.Sessions;

public sealed class AnalysisSessionTests
{
    private readonly TestLot _lot = TestLot.Write(TestPaths.TempDirectory(), frames: 10);

    [Fact]
    public void Record_ThrowingSubscriber_OtherSubscribersStillCalledAndStateUpdated()
    {
        var sut = Running();
        var calls = 0;
        using var bad = sut.Subscribe(_ => throw new InvalidOperationException("boom"));
        using var good = sut.Subscribe(_ => calls++);

        sut.Record(Snapshot(0, SpotStatus.Free, SpotStatus.Occupied));

        Assert.Equal(1, calls);
        Assert.Equal(1, sut.Summary.Occupied);
        Assert.Equal(1, sut.Summary.FramesDone);
    }

    [Fact]
    public void Subscribe_Disposed_NoLongerCalled()
    {
        var sut = Running();
        var calls = 0;
        var subscription = sut.Subscribe(_ => calls++);

        subscription.Dispose();
        subscription.Dispose();
        sut.Record(Snapshot(0, SpotStatus.Free, SpotStatus.Free));

        Assert.Equal(0, calls);
    }

    [Fact]
    public void Detail_TakenEarlier_DoesNotChangeWhenMoreFramesArrive()
    {
        var sut = Running();
        sut.Record(Snapshot(0, SpotStatus.Free, SpotStatus.Free));
        var before = sut.Detail;

        for (var frame = 1; frame < 600; frame++) sut.Record(Snapshot(frame, SpotStatus.Free, SpotStatus.Occupied));

        Assert.Single(before.Timeline);
        Assert.Equal(2, before.Summary.Free);
        Assert.Equal(600, sut.Detail.Timeline.Count);
        Assert.Equal(599, sut.Detail.Timeline[^1].Frame);
    }

    [Fact]
    public void Open_KeepsTheInputForTheRunAndDescribesTheSession()
    {
        var sut = Queued();

        sut.Open(OpenLot());

        Assert.Equal(4, sut.Summary.SpotCount);
        Assert.Equal("lot.avi", sut.Summary.Video!.Source);
        Assert.Equal(10, sut.Summary.FrameCount);
        using var input = sut.TakeInput();
        Assert.NotNull(input);
        Assert.Null(sut.TakeInput());
    }

    [Fact]
    public void Stop_Queued_IsStoppedAtOnceAndLetsGoOfItsInput()
    {
        var sut = Queued();
        sut.Open(OpenLot());

        sut.Stop();

        Assert.Equal(SessionStatus.Stopped, sut.Status);
        Assert.True(sut.StopRequested);
        Assert.False(sut.Summary.IsActive);
        Assert.Null(sut.TakeInput());
    }

    [Fact]
    public void PauseResume_Running_UpdatesStatusAndPlayback()
    {
        var sut = Running();
        var statuses = new List<SessionStatus>();
        using var subscription = sut.Subscribe(s => statuses.Add(s.Status));

        sut.Pause();
        Assert.True(sut.Playback.IsPaused);
        sut.Resume();

        Assert.Equal([SessionStatus.Paused, SessionStatus.Running], statuses);
        Assert.False(sut.Playback.IsPaused);
    }

    [Fact]
    public void Finish_Completed_CountsTheWholeVideoAsDone()
    {
        var sut = Running();
        sut.Record(Snapshot(0, SpotStatus.Free, SpotStatus.Free));

        sut.Finish(sut.Ending(SessionStatus.Completed));

        Assert.Equal(10, sut.Summary.FramesDone);
        Assert.Equal(1, sut.Summary.Progress);
        Assert.NotNull(sut.Summary.FinishedAt);
    }

    [Fact]
    public void Reset_Finished_IsQueuedWithNothingAnalysed()
    {
        var sut = Running();
        sut.Record(Snapshot(0, SpotStatus.Free, SpotStatus.Free));
        sut.Finish(sut.Ending(SessionStatus.Failed, "bad"));

        Assert.True(sut.Reset(null, OpenLot()));

        var detail = sut.Detail;
        Assert.Equal(SessionStatus.Queued, detail.Summary.Status);
        Assert.Null(detail.Summary.Error);
        Assert.Empty(detail.Timeline);
        Assert.Empty(detail.Intervals);
        Assert.Null(sut.Playback.Speed);
        Assert.False(sut.StopRequested);
        sut.TakeInput()?.Dispose();
    }

    [Fact]
    public void Reset_Active_IsRefused()
    {
        var sut = Running();
        using var input = OpenLot();

        Assert.False(sut.Reset(1, input));
    }

    [Fact]
    public void Intervals_AfterAFlip_ClosesTheOldOne()
    {
        var sut = Running();
        sut.Record(Snapshot(0, SpotStatus.Free, SpotStatus.Free));
        sut.Record(Snapshot(1, SpotStatus.Occupied, SpotStatus.Free, changed: 1));

        var intervals = sut.Detail.IntervalsOf(1).ToList();

        Assert.Equal([SpotStatus.Free, SpotStatus.Occupied], intervals.Select(i => i.Status));
        Assert.Equal(0.2, sut.Summary.Progress, 3);
    }

    private AnalysisInput OpenLot() => AnalysisInput.Open(_lot.VideoPath, _lot.MaskPath, new PipelineOptions());

    private static AnalysisSession Queued() => new(
        Guid.NewGuid(), "lot", DateTimeOffset.UnixEpoch, new SessionSource(SessionKind.Upload, Guid.NewGuid(), "lot.avi", "uploads/a.avi", "lot-mask.png", "uploads/b.png"),
        1.0, new LiveFrameRenderer(new FrameRenderOptions()), TimeProvider.System, NullLogger.Instance);

    private AnalysisSession Running()
    {
        var session = Queued();
        session.Open(OpenLot());
        session.TakeInput()!.Dispose();
        session.MarkRunning();
        return session;
    }

    private static OccupancySnapshot Snapshot(int frame, SpotStatus first, SpotStatus second, params int[] changed)
    {
        var time = TimeSpan.FromSeconds(frame / 30.0);
        return new OccupancySnapshot(frame, time, [new SpotState(1, first, 0.9f, frame, time), new SpotState(2, second, 0.9f, 0, TimeSpan.Zero)], changed);
    }
}
