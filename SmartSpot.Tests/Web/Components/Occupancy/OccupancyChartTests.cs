using Bunit;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Web.Components.Occupancy;

namespace SmartSpot.Tests.Web.Components.Occupancy;

public sealed class OccupancyChartTests : MudTestContext
{
    private static List<TimelinePoint> Timeline(int count) =>
        Enumerable.Range(0, count).Select(frame => new TimelinePoint(frame, TimeSpan.FromSeconds(frame), 5, 9)).ToList();

    [Fact]
    public void Render_LongTimeline_DrawsAtMostMaxPoints()
    {
        var sut = Render<OccupancyChart>(parameters => parameters
            .Add(chart => chart.Timeline, Timeline(5000))
            .Add(chart => chart.MaxPoints, 200));

        Assert.Equal("200", sut.Find("[data-testid=occupancy-chart]").GetAttribute("data-points"));
        Assert.NotEmpty(sut.FindAll("svg"));
    }

    [Fact]
    public void Render_GrowingTimeline_FollowsIt()
    {
        var timeline = Timeline(10);
        var sut = Render<OccupancyChart>(parameters => parameters.Add(chart => chart.Timeline, timeline));

        sut.Render(parameters => parameters.Add(chart => chart.Timeline, Timeline(40)));

        Assert.Equal("40", sut.Find("[data-testid=occupancy-chart]").GetAttribute("data-points"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Render_TooFewPoints_SaysTheChartIsComing(int points)
    {
        var sut = Render<OccupancyChart>(parameters => parameters.Add(chart => chart.Timeline, Timeline(points)));

        Assert.Contains("starts after the first frames", sut.Markup);
    }
}
