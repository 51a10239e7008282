using Bunit;
using SmartSpot.Web.Components.Occupancy;

namespace SmartSpot.Tests.Web.Components.Occupancy;

public sealed class AnalysisProgressTests : MudTestContext
{
    [Fact]
    public void Render_Running_ShowsFramesPercentSpeedAndVideoTime()
    {
        var sut = Render<AnalysisProgress>(parameters => parameters
            .Add(progress => progress.FramesDone, 425)
            .Add(progress => progress.FrameCount, 1700)
            .Add(progress => progress.Progress, 0.25)
            .Add(progress => progress.FramesPerSecond, 29.96)
            .Add(progress => progress.VideoTime, TimeSpan.FromSeconds(17))
            .Add(progress => progress.Duration, TimeSpan.FromSeconds(68))
            .Add(progress => progress.Running, true));

        Assert.Contains("425 / 1,700 frames (25%)", sut.Find(".progress-text").TextContent);
        Assert.Equal("30.0 frames/s", sut.Find("[data-testid=processing-speed]").TextContent);
        Assert.Contains("0:17 / 1:08", sut.Markup);
    }

    [Fact]
    public void Render_Finished_HidesTheSpeed()
    {
        var sut = Render<AnalysisProgress>(parameters => parameters.Add(progress => progress.FramesDone, 10).Add(progress => progress.FrameCount, 10));

        Assert.Empty(sut.FindAll("[data-testid=processing-speed]"));
    }
}
