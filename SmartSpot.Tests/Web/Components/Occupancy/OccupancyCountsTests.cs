using Bunit;
using SmartSpot.Web.Components.Occupancy;

namespace SmartSpot.Tests.Web.Components.Occupancy;

public sealed class OccupancyCountsTests : MudTestContext
{
    [Fact]
    public void Render_Counts_ShowsJustTheNumbersAndTheRate()
    {
        var sut = Render<OccupancyCounts>(parameters => parameters
            .Add(counts => counts.Free, 37)
            .Add(counts => counts.Occupied, 359));

        Assert.Equal("37", sut.Find("[data-testid=free-count]").TextContent);
        Assert.Equal("359", sut.Find("[data-testid=occupied-count]").TextContent);
        Assert.Equal("396", sut.Find("[data-testid=total-count]").TextContent);
        Assert.Contains("91%", sut.Find("[data-testid=occupancy-rate]").TextContent);
    }

    [Fact]
    public void Render_NoSpots_ShowsNoRate()
    {
        var sut = Render<OccupancyCounts>();

        Assert.Equal("0", sut.Find("[data-testid=total-count]").TextContent);
        Assert.Contains("–", sut.Find("[data-testid=occupancy-rate]").TextContent);
    }
}
