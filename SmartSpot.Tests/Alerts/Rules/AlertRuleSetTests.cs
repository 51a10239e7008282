using SmartSpot.Alerts.Rules;

namespace SmartSpot.Tests.Alerts.Rules;

public sealed class AlertRuleSetTests
{
    [Fact]
    public void Replace_NewRules_AreReadAtOnce()
    {
        var sut = new AlertRuleSet();
        var rule = new AlertRule("low", Lots.North, AlertKind.FreeAtOrBelow) { Threshold = 3 };

        sut.Replace([rule]);

        Assert.Equal([rule], sut.GetRules());
    }

    [Fact]
    public void Constructor_DuplicateIds_NamesTheId()
    {
        var error = Assert.Throws<ArgumentException>(() => new AlertRuleSet([
            new AlertRule("low", Lots.North, AlertKind.FreeAtOrBelow),
            new AlertRule("low", Lots.RowA, AlertKind.FreeAtOrAbove),
        ]));

        Assert.Contains("'low'", error.Message);
    }

    [Fact]
    public void Constructor_RuleOutOfRange_NamesRuleAndSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new AlertRuleSet([
            new AlertRule("stay", Lots.North, AlertKind.Overstay) { Duration = TimeSpan.Zero },
        ]));

        Assert.Contains("Rule 'stay'", error.Message);
        Assert.Contains("Duration", error.Message);
    }
}
