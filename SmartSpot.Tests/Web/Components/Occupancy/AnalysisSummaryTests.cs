using Bunit;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Web.Components.Occupancy;

namespace SmartSpot.Tests.Web.Components.Occupancy;

public sealed class AnalysisSummaryTests : MudTestContext
{
    [Fact]
    public void Render_FinishedAnalysis_ShowsRangeOccupancyChangesAndBusiestSpot()
    {
        TimelinePoint[] timeline =
        [
            new(0, TimeSpan.Zero, 1, 3),
            new(1, TimeSpan.FromSeconds(30), 3, 1),
            new(2, TimeSpan.FromSeconds(75), 2, 2),
        ];
        SpotInterval[] intervals =
        [
            new(1, SpotStatus.Occupied, 0, 0, TimeSpan.Zero, TimeSpan.Zero),
            new(1, SpotStatus.Free, 1, 1, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)),
            new(1, SpotStatus.Occupied, 2, 2, TimeSpan.FromSeconds(75), TimeSpan.FromSeconds(75)),
            new(2, SpotStatus.Occupied, 0, 0, TimeSpan.Zero, TimeSpan.Zero),
            new(2, SpotStatus.Free, 1, 2, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(75)),
        ];

        var sut = Render<AnalysisSummary>(parameters => parameters.Add(summary => summary.Timeline, timeline).Add(summary => summary.Intervals, intervals));

        var text = sut.Find("[data-testid=analysis-summary]").TextContent;
        Assert.Contains("1:15", text);
        Assert.Contains("50%", text);
        Assert.Contains("1 – 3", text);
        Assert.Contains("#1", text);
        Assert.Contains("busiest spot (2 changes)", text);
        Assert.Equal("3", sut.FindAll(".value")[3].TextContent);
    }
}
