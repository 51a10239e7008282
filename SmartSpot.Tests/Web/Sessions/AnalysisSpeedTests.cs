using SmartSpot.Vision;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Tests.Web.Sessions;

public sealed class AnalysisSpeedTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("max", 0.0)]
    [InlineData(" MAX ", 0.0)]
    [InlineData("0", 0.0)]
    [InlineData("0.1", 0.1)]
    [InlineData("1", 1.0)]
    [InlineData("1e3", 1000.0)]
    public void Parse_ValidSpeeds(string? text, double? expected) => Assert.Equal(expected, AnalysisSpeed.Parse(text));

    [Theory]
    [InlineData("0.0001")]
    [InlineData("1e-300")]
    [InlineData("0.09")]
    [InlineData("1000.5")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("fast")]
    [InlineData("1,5")]
    public void Parse_InvalidSpeed_ThrowsSayingTheBounds(string text)
    {
        var error = Assert.Throws<InvalidInputException>(() => AnalysisSpeed.Parse(text));

        Assert.Contains("from 0.1 to 1000", error.Message);
    }

    [Fact]
    public void ToPace_Zero_IsAsFastAsPossible()
    {
        Assert.Null(AnalysisSpeed.ToPace(0));
        Assert.Equal(2.0, AnalysisSpeed.ToPace(2));
    }
}
