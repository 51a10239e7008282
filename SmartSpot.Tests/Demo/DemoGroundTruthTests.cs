using SmartSpot.Vision.Classification;
using SmartSpot.Demo;

namespace SmartSpot.Tests.Demo;

public sealed class DemoGroundTruthTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"smartspot-truth-{Guid.NewGuid():N}.json");

    private static DemoGroundTruth Sample() => new(
        640, 360, 30, 2,
        [new DemoBay(1, 0, 0, 10, 20, 40, 80, true), new DemoBay(2, 0, 1, 60, 20, 40, 80, true)],
        [new DemoVisit(2, 0, 0, 1, 30)],
        [new DemoFrameTruth(0, [2]), new DemoFrameTruth(1, [])]);

    [Fact]
    public void Load_SavedTruth_RoundTrips()
    {
        var sut = Sample();
        sut.Save(_path);

        var loaded = DemoGroundTruth.Load(_path);

        Assert.Equal((sut.Width, sut.Height, sut.Fps, sut.FrameCount), (loaded.Width, loaded.Height, loaded.Fps, loaded.FrameCount));
        Assert.Equal(sut.Bays, loaded.Bays);
        Assert.Equal(sut.Visits, loaded.Visits);
        Assert.Equal(sut.Frames.Select(frame => (frame.Index, string.Join(',', frame.Occupied))), loaded.Frames.Select(frame => (frame.Index, string.Join(',', frame.Occupied))));
    }

    [Fact]
    public void Save_WritesCamelCaseJson()
    {
        Sample().Save(_path);

        var json = File.ReadAllText(_path);

        Assert.Contains("\"frameCount\":2", json);
        Assert.Contains("\"facesUp\":true", json);
        Assert.DoesNotContain("\"box\"", json);
    }

    [Theory]
    [InlineData(0, 1, SpotStatus.Free)]
    [InlineData(0, 2, SpotStatus.Occupied)]
    [InlineData(1, 2, SpotStatus.Free)]
    public void StatusOf_FrameAndBay_ReadsTheOccupiedList(int frame, int bay, SpotStatus expected)
    {
        Assert.Equal(expected, Sample().StatusOf(frame, bay));
    }

    public void Dispose() => File.Delete(_path);
}
