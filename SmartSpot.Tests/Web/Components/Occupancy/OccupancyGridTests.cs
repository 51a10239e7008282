using Bunit;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Web.Components.Occupancy;

namespace SmartSpot.Tests.Web.Components.Occupancy;

public sealed class OccupancyGridTests : MudTestContext
{
    private static readonly SpotState[] States =
    [
        new(1, SpotStatus.Free, 0.9f, 0, TimeSpan.Zero),
        new(2, SpotStatus.Occupied, 0.8f, 30, TimeSpan.FromSeconds(1)),
        new(3, SpotStatus.Free, 0.7f, 3000, TimeSpan.FromSeconds(100), Uncertain: true),
    ];

    private IRenderedComponent<OccupancyGrid> RenderGrid(Action<ComponentParameterCollectionBuilder<OccupancyGrid>>? more = null) =>
        Render<OccupancyGrid>(parameters =>
        {
            parameters.Add(grid => grid.States, States).Add(grid => grid.Now, TimeSpan.FromSeconds(125));
            more?.Invoke(parameters);
        });

    [Fact]
    public void Render_States_OneTilePerSpotColouredByStatus()
    {
        var sut = RenderGrid();

        var tiles = sut.FindAll("[data-testid=spot-tile]");
        Assert.Equal(3, tiles.Count);
        Assert.Contains("free", tiles[0].ClassList);
        Assert.Contains("occupied", tiles[1].ClassList);
        Assert.Equal("occupied", tiles[1].GetAttribute("data-status"));
        Assert.Equal("2", tiles[1].GetAttribute("data-spot-id"));
    }

    [Fact]
    public void Render_UncertainState_HatchesOnlyThatTileAndSaysSo()
    {
        var sut = RenderGrid();

        var tiles = sut.FindAll("[data-testid=spot-tile]");
        Assert.Equal([false, false, true], tiles.Select(tile => tile.ClassList.Contains("uncertain")));
        Assert.Equal("Spot 3, free, uncertain", tiles[2].GetAttribute("aria-label"));
        Assert.Equal("Spot 3: free, confidence 70 %", tiles[2].GetAttribute("title"));
    }

    [Fact]
    public void Render_States_ShowsTimeSinceLastChange()
    {
        var sut = RenderGrid();

        var since = sut.FindAll(".spot-since").Select(element => element.TextContent).ToArray();
        Assert.Equal(["2m 05s", "2m 04s", "25s"], since);
    }

    [Fact]
    public void Click_Tile_SelectsItAndClickingAgainClears()
    {
        int? selected = null;
        var sut = RenderGrid(parameters => parameters.Add(grid => grid.SelectedSpotIdChanged, spotId => selected = spotId));

        sut.FindAll("[data-testid=spot-tile]")[1].Click();
        Assert.Equal(2, selected);

        sut.Render(parameters => parameters.Add(grid => grid.SelectedSpotId, selected));
        Assert.Contains("selected", sut.FindAll("[data-testid=spot-tile]")[1].ClassList);

        sut.FindAll("[data-testid=spot-tile]")[1].Click();
        Assert.Null(selected);
    }

    [Fact]
    public void MouseEnter_Tile_ReportsHighlightAndTheHighlightedTileStandsOut()
    {
        int? highlighted = null;
        var sut = RenderGrid(parameters => parameters.Add(grid => grid.HighlightedSpotIdChanged, spotId => highlighted = spotId));

        sut.FindAll("[data-testid=spot-tile]")[2].MouseEnter();
        Assert.Equal(3, highlighted);

        sut.Render(parameters => parameters.Add(grid => grid.HighlightedSpotId, 3));
        Assert.Single(sut.FindAll(".spot-tile.highlighted"));
        Assert.Equal("3", sut.Find(".spot-tile.highlighted").GetAttribute("data-spot-id"));
    }

    [Fact]
    public void Render_Stale_FadesEveryTileAndSaysWhy()
    {
        var sut = RenderGrid(parameters => parameters.Add(grid => grid.Stale, true));

        var tiles = sut.FindAll("[data-testid=spot-tile]");
        Assert.All(tiles, tile => Assert.Contains("stale", tile.ClassList));
        Assert.All(tiles, tile => Assert.Equal("true", tile.GetAttribute("data-stale")));
        Assert.EndsWith("last known state, the camera is not delivering", tiles[0].GetAttribute("title"));
    }
}
