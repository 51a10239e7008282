using SmartSpot.Alerts.Rules;

namespace SmartSpot.Tests.Alerts.Rules;

public sealed class AlertScopeTests
{
    [Fact]
    public void Key_Zone_NamesItsLot()
    {
        Assert.Equal("north", Lots.North.Key);
        Assert.Equal("north/row-a", Lots.RowA.Key);
        Assert.Equal("North camera / Row A", Lots.RowA.DisplayName);
        Assert.Same(Lots.North, Lots.RowA.LotScope);
    }

    [Theory]
    [InlineData("row a")]
    [InlineData("north/row-a")]
    [InlineData("#")]
    [InlineData("")]
    public void Constructor_IdThatIsNoSlug_SaysWhatIsAllowed(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => new AlertScope(id, "Row A"));

        Assert.Contains("letters, digits, '-' and '_'", error.Message);
    }

    [Fact]
    public void Constructor_ZoneOfAZone_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new AlertScope("ev", "EV", Lots.RowA));

        Assert.Contains("belongs to a lot", error.Message);
    }
}
