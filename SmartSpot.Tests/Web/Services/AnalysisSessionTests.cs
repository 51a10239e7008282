using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Services;

namespace SmartSpot.Tests.Web.Services;

public sealed class AnalysisSessionTests
{
    private static readonly ParkingSpot[] Spots = [new(1, new PixelBox(0, 0, 10, 10), 100), new(2, new PixelBox(20, 0, 10, 10), 100)];

    [Fact]
    public void Record_ThrowingSubscriber_OtherSubscribersStillCalledAndStateUpdated()
    {
        var sut = Running();
        var calls = 0;
        using var bad = sut.Subscribe(_ => throw new InvalidOperationException("boom"));
        using var good = sut.Subscribe(_ => calls++);

        sut.Record(Snapshot(0, SpotStatus.Free, SpotStatus.Occupied));

        Assert.Equal(1, calls);
        Assert.Equal(1, sut.Latest!.Occupied);
        Assert.Equal(1, sut.FramesDone);
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
    public void Timeline_TakenEarlier_DoesNotChangeWhenMoreFramesArrive()
    {
        var sut = Running();
        sut.Record(Snapshot(0, SpotStatus.Free, SpotStatus.Free));
        var before = sut.Timeline;

        for (var frame = 1; frame < 600; frame++) sut.Record(Snapshot(frame, SpotStatus.Free, SpotStatus.Occupied));

        Assert.Single(before);
        Assert.Equal(600, sut.Timeline.Count);
        Assert.Equal(599, sut.Timeline[^1].Frame);
        Assert.Equal(2, sut.Timeline[0].Free);
    }

    [Fact]
    public void Watch_CountsViewersUntilEachHandleIsDisposed()
    {
        var sut = Running();

        var first = sut.Watch();
        var second = sut.Watch();
        first.Dispose();
        first.Dispose();

        Assert.True(sut.IsWatched);
        second.Dispose();
        Assert.False(sut.IsWatched);
    }

    [Fact]
    public void Stop_Queued_IsStoppedAtOnce()
    {
        var sut = new AnalysisSession(Guid.NewGuid(), "lot", DateTimeOffset.UnixEpoch, Files());

        sut.Stop();

        Assert.Equal(SessionStatus.Stopped, sut.Status);
        Assert.True(sut.StopRequested);
        Assert.False(sut.IsActive);
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
    public void Reset_Finished_IsQueuedWithNothingAnalysed()
    {
        var sut = Running();
        sut.Record(Snapshot(0, SpotStatus.Free, SpotStatus.Free));
        sut.Finish(SessionStatus.Failed, "bad");

        Assert.True(sut.Reset(null));

        Assert.Equal(SessionStatus.Queued, sut.Status);
        Assert.Null(sut.Error);
        Assert.Empty(sut.Timeline);
        Assert.Empty(sut.Intervals);
        Assert.Null(sut.Playback.Speed);
        Assert.False(sut.StopRequested);
    }

    [Fact]
    public void Intervals_AfterAFlip_ClosesTheOldOne()
    {
        var sut = Running();
        sut.Record(Snapshot(0, SpotStatus.Free, SpotStatus.Free));
        sut.Record(Snapshot(1, SpotStatus.Occupied, SpotStatus.Free, changed: 1));

        var intervals = sut.Intervals.Where(i => i.SpotId == 1).ToList();

        Assert.Equal([SpotStatus.Free, SpotStatus.Occupied], intervals.Select(i => i.Status));
        Assert.Equal(1, sut.Progress, 3);
    }

    private static AnalysisSession Running()
    {
        var session = new AnalysisSession(Guid.NewGuid(), "lot", DateTimeOffset.UnixEpoch, Files());
        session.Describe(new VideoInfo("v.mp4", 40, 10, 30, 2), Spots);
        session.MarkRunning();
        return session;
    }

    private static SessionFiles Files() => new(new StoredUpload("/data/a.mp4", "v.mp4", 1), new StoredUpload("/data/b.png", "m.png", 1));

    private static OccupancySnapshot Snapshot(int frame, SpotStatus first, SpotStatus second, params int[] changed)
    {
        var time = TimeSpan.FromSeconds(frame / 30.0);
        return new OccupancySnapshot(frame, time, [new SpotState(1, first, 0.9f, frame, time), new SpotState(2, second, 0.9f, 0, TimeSpan.Zero)], changed);
    }
}
