using Bunit;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Web.Components.Occupancy;

namespace SmartSpot.Tests.Web.Components.Occupancy;

public sealed class SpotHistoryTests : MudTestContext
{
    [Fact]
    public void Render_Intervals_ListsOnlyThisSpotNewestFirstWithTotals()
    {
        SpotInterval[] intervals =
        [
            new(1, SpotStatus.Free, 0, 99, TimeSpan.Zero, TimeSpan.FromSeconds(40)),
            new(2, SpotStatus.Occupied, 0, 500, TimeSpan.Zero, TimeSpan.FromSeconds(200)),
            new(1, SpotStatus.Occupied, 100, 500, TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(200)),
        ];

        var sut = Render<SpotHistory>(parameters => parameters.Add(history => history.SpotId, 1).Add(history => history.Intervals, intervals));

        var rows = sut.FindAll("[data-testid=spot-interval]");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Occupied", rows[0].TextContent);
        Assert.Contains("2m 40s", rows[0].TextContent);
        Assert.Contains("free 40s · occupied 2m 40s · 1 change", sut.Markup);
    }
}
