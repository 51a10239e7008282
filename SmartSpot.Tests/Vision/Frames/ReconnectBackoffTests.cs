using SmartSpot.Vision.Frames;

namespace SmartSpot.Tests.Vision.Frames;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Next_GrowsTo30SecondsAndStaysThere_ResetStartsAgain()
    {
        var sut = new ReconnectBackoff();

        var delays = Enumerable.Range(0, 7).Select(_ => sut.Next().TotalSeconds).ToList();
        sut.Reset();

        Assert.Equal([1, 2, 5, 10, 30, 30, 30], delays);
        Assert.Equal(TimeSpan.FromSeconds(1), sut.Next());
    }
}
