using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Components.Occupancy;
using SmartSpot.Web.Services;

namespace SmartSpot.Tests.Web.Components.Occupancy;

public sealed class SessionViewTests
{
    [Fact]
    public void FromStored_Intervals_EachSpotTakesItsLastIntervalAndNowIsTheLastTimelinePoint()
    {
        var stored = new StoredSession(
            Guid.NewGuid(), "Lot A", DateTimeOffset.UnixEpoch, "lot.mp4", "mask.png", SessionStatus.Completed, null,
            new VideoInfo("lot.mp4", 640, 480, 25, 100), 100, 1, 1, null, null,
            [new ParkingSpot(1, new PixelBox(0, 0, 10, 10), 100), new ParkingSpot(2, new PixelBox(20, 0, 10, 10), 100)],
            [
                new SpotInterval(1, SpotStatus.Free, 0, 49, TimeSpan.Zero, TimeSpan.FromSeconds(2)),
                new SpotInterval(1, SpotStatus.Occupied, 50, 99, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)),
                new SpotInterval(2, SpotStatus.Free, 0, 99, TimeSpan.Zero, TimeSpan.FromSeconds(4)),
            ],
            [new TimelinePoint(0, TimeSpan.Zero, 2, 0), new TimelinePoint(99, TimeSpan.FromSeconds(3.96), 1, 1)]);

        var sut = SessionView.FromStored(stored);

        Assert.Equal([SpotStatus.Occupied, SpotStatus.Free], sut.States.Select(state => state.Status));
        Assert.Equal(TimeSpan.FromSeconds(2), sut.States[0].SinceTime);
        Assert.Equal(TimeSpan.FromSeconds(3.96), sut.Now);
        Assert.False(sut.IsActive);
    }

    [Fact]
    public void FromLive_BeforeTheFirstFrame_HasNoStatesAndZeroCounts()
    {
        var live = new AnalysisSession(Guid.NewGuid(), "Lot A", DateTimeOffset.UnixEpoch,
            new SessionFiles(new StoredUpload("v.mp4", "v.mp4", 1), new StoredUpload("m.png", "m.png", 1)));

        var sut = SessionView.FromLive(live);

        Assert.Empty(sut.States);
        Assert.Equal(0, sut.Free + sut.Occupied);
        Assert.Equal(SessionStatus.Queued, sut.Status);
        Assert.True(sut.IsActive);
    }
}
