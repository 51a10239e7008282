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
}
