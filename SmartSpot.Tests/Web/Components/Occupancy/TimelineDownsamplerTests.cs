using SmartSpot.Vision.Occupancy;
using SmartSpot.Web.Components.Occupancy;

namespace SmartSpot.Tests.Web.Components.Occupancy;

public sealed class TimelineDownsamplerTests
{
    private static List<TimelinePoint> Timeline(int count) =>
        Enumerable.Range(0, count).Select(frame => new TimelinePoint(frame, TimeSpan.FromSeconds(frame / 25.0), frame % 10, 10 - frame % 10)).ToList();

    [Fact]
    public void Downsample_ShortTimeline_ReturnsItUnchanged()
    {
        var timeline = Timeline(50);

        var sut = TimelineDownsampler.Downsample(timeline, 300);

        Assert.Same(timeline, sut);
    }

    [Fact]
    public void Downsample_LongTimeline_KeepsMaxPointsFirstAndLastInOrder()
    {
        var timeline = Timeline(10_001);

        var sut = TimelineDownsampler.Downsample(timeline, 300);

        Assert.Equal(300, sut.Count);
        Assert.Equal(0, sut[0].Frame);
        Assert.Equal(10_000, sut[^1].Frame);
        Assert.True(sut.Zip(sut.Skip(1)).All(pair => pair.First.Frame < pair.Second.Frame));
    }
}
