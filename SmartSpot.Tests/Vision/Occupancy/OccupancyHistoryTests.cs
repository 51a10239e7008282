using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;

namespace SmartSpot.Tests.Vision.Occupancy;

public sealed class OccupancyHistoryTests
{
    private static SpotState State(int spot, SpotStatus status, int since) => new(spot, status, 1f, since, TimeSpan.FromSeconds(since));

    private static OccupancySnapshot Snapshot(int frame, int[] changed, params SpotState[] spots) =>
        new(frame, TimeSpan.FromSeconds(frame), spots, changed);

    [Fact]
    public void Intervals_AfterAFlip_CoverEveryAnalysedFrameOfEachSpot()
    {
        var sut = new OccupancyHistory();
        var spot2Free = State(2, SpotStatus.Free, 0);

        sut.Add(Snapshot(0, [], State(1, SpotStatus.Free, 0), spot2Free));
        sut.Add(Snapshot(2, [], State(1, SpotStatus.Free, 0), spot2Free));
        sut.Add(Snapshot(4, [1], State(1, SpotStatus.Occupied, 4), spot2Free));
        sut.Add(Snapshot(6, [], State(1, SpotStatus.Occupied, 4), spot2Free));

        Assert.Equal(
            [(1, SpotStatus.Free, 0, 2), (1, SpotStatus.Occupied, 4, 6), (2, SpotStatus.Free, 0, 6)],
            sut.Intervals.Select(i => (i.SpotId, i.Status, i.StartFrame, i.EndFrame)));
    }

    [Fact]
    public void TimelineAndIntervals_NothingAdded_AreEmpty()
    {
        var sut = new OccupancyHistory();

        Assert.Empty(sut.Timeline);
        Assert.Empty(sut.Timeline.ToList());
    }

    [Fact]
    public void Timeline_HasOnePointPerSnapshotWithTheCounts()
    {
        var sut = new OccupancyHistory();

        sut.Add(Snapshot(0, [], State(1, SpotStatus.Free, 0), State(2, SpotStatus.Occupied, 0)));
        sut.Add(Snapshot(1, [1], State(1, SpotStatus.Occupied, 1), State(2, SpotStatus.Occupied, 0)));

        Assert.Equal([new TimelinePoint(0, TimeSpan.Zero, 1, 1), new TimelinePoint(1, TimeSpan.FromSeconds(1), 0, 2)], sut.Timeline);
    }

    [Fact]
    public void Timeline_ViewTakenEarlier_NeverChangesAsFramesArePastItsEnd()
    {
        var sut = new OccupancyHistory();
        sut.Add(Snapshot(0, [], State(1, SpotStatus.Free, 0)));
        var early = sut.Timeline;

        for (var frame = 1; frame < 1000; frame++)
        {
            sut.Add(Snapshot(frame, [], State(1, SpotStatus.Free, 0)));
        }

        Assert.Single(early);
        Assert.Equal(1000, sut.Timeline.Count);
        Assert.Equal(Enumerable.Range(0, 1000), sut.Timeline.Select(point => point.Frame));
    }

    [Fact]
    public void Timeline_PastTheFullResolutionWindow_KeepsOnePointPerIntervalAndEveryGap()
    {
        var sut = new OccupancyHistory(new HistoryOptions { FullResolutionMinutes = 1, ThinnedIntervalSeconds = 10, RetentionHours = 1 });

        for (var frame = 0; frame < 1800; frame++)
        {
            var time = TimeSpan.FromSeconds(frame / 10.0);
            sut.Add(new OccupancySnapshot(frame, time, [State(1, SpotStatus.Free, 0)], [], FollowsGap: frame == 55));
        }

        var timeline = sut.Timeline;
        Assert.Equal(TimeSpan.FromSeconds(179.9), timeline[^1].Time);
        Assert.Equal(601, timeline.Count(point => point.Time >= TimeSpan.FromSeconds(119.9)));
        Assert.Equal([0, 55, 155, 255, 355, 455, 555], timeline.TakeWhile(point => point.Time < TimeSpan.FromSeconds(60)).Select(point => point.Frame).ToArray()[..7]);
        Assert.True(timeline.Count(point => point.FollowsGap) == 1);
    }

    [Fact]
    public void TimelineAndIntervals_PastTheRetention_AreDropped()
    {
        var sut = new OccupancyHistory(new HistoryOptions { FullResolutionMinutes = 1, ThinnedIntervalSeconds = 60, RetentionHours = 1 });
        var hour = TimeSpan.FromHours(1);

        sut.Add(new OccupancySnapshot(0, TimeSpan.Zero, [State(1, SpotStatus.Free, 0)], []));
        sut.Add(new OccupancySnapshot(1, TimeSpan.FromMinutes(10), [new SpotState(1, SpotStatus.Occupied, 1f, 1, TimeSpan.FromMinutes(10))], [1]));
        for (var minute = 11; minute <= 180; minute++)
        {
            sut.Add(new OccupancySnapshot(minute, TimeSpan.FromMinutes(minute), [new SpotState(1, SpotStatus.Occupied, 1f, 1, TimeSpan.FromMinutes(10))], []));
        }

        Assert.All(sut.Timeline, point => Assert.True(point.Time >= TimeSpan.FromMinutes(180) - hour));
        Assert.Equal([(SpotStatus.Occupied, 1, 180)], sut.Intervals.Select(i => (i.Status, i.StartFrame, i.EndFrame)));
    }

    [Fact]
    public void Timeline_ViewTakenBeforeThinning_NeverChanges()
    {
        var sut = new OccupancyHistory(new HistoryOptions { FullResolutionMinutes = 1, ThinnedIntervalSeconds = 30, RetentionHours = 1 });
        for (var second = 0; second < 60; second++)
        {
            sut.Add(new OccupancySnapshot(second, TimeSpan.FromSeconds(second), [State(1, SpotStatus.Free, 0)], []));
        }
        var early = sut.Timeline;
        var frames = early.Select(point => point.Frame).ToList();

        for (var second = 60; second < 5000; second++)
        {
            sut.Add(new OccupancySnapshot(second, TimeSpan.FromSeconds(second), [State(1, SpotStatus.Free, 0)], []));
        }

        Assert.Equal(frames, early.Select(point => point.Frame));
        Assert.Equal(Enumerable.Range(0, 60), frames);
    }
}
