using SmartSpot.Vision;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Tests.Web.Sessions;

public sealed class DisplayNameTests
{
    [Theory]
    [InlineData("North lot", "North lot")]
    [InlineData("  padded  ", "padded")]
    [InlineData("invoice\u202Egpj.exe", "invoicegpj.exe")]
    [InlineData("a\u2066b\u2069c\u200Bd", "abcd")]
    [InlineData("line\nbreak\ttab\u0000", "linebreaktab")]
    [InlineData("Parkplatz Süd 北", "Parkplatz Süd 北")]
    public void Clean_RemovesControlAndFormattingCharacters(string name, string expected) =>
        Assert.Equal(expected, DisplayName.Clean(name, "The name"));

    [Fact]
    public void Clean_TooLong_RefusesSayingTheLengthAndTheLimit()
    {
        var error = Assert.Throws<InvalidInputException>(() => DisplayName.Clean(new string('x', 300), "The video's file name"));

        Assert.Equal("The video's file name is 300 characters long; SmartSpot keeps names of up to 200 characters. Shorten it and try again.", error.Message);
    }

    [Fact]
    public void Clean_ExactlyTheLimit_IsKept() => Assert.Equal(200, DisplayName.Clean(new string('x', 200), "The name").Length);
}
