using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Web.Analysis;
using SmartSpot.Web.Uploads;

namespace SmartSpot.Tests.Web.Hosting;

public sealed class HostingExtensionsTests
{
    [Theory]
    [InlineData("SmartSpot:Analysis:MaxConcurrentSessions", "0", "MaxConcurrentSessions")]
    [InlineData("SmartSpot:Stream:JpegQuality", "101", "JpegQuality")]
    [InlineData("SmartSpot:Pipeline:Change:Threshold", "0", "SmartSpot:Pipeline:Change:Threshold")]
    [InlineData("SmartSpot:Pipeline:Frames:AnalyzeEvery", "0", "SmartSpot:Pipeline:Frames:AnalyzeEvery")]
    [InlineData("SmartSpot:Analysis:DefaultSpeed", "0.05", "DefaultSpeed")]
    [InlineData("SmartSpot:Alerts:Webhook:Url", "ftp://127.0.0.1/hook", "SmartSpot:Alerts:Webhook:Url")]
    [InlineData("SmartSpot:Alerts:Mqtt:Port", "0", "SmartSpot:Alerts:Mqtt:Port")]
    [InlineData("SmartSpot:Alerts:Rules:MaxPerLot", "0", "MaxPerLot")]
    public async Task Start_InvalidSetting_FailsNamingTheSetting(string key, string value, string named)
    {
        await using var sut = new SmartSpotAppFactory(TestPaths.TempDirectory(), new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => sut.Services);

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task Start_Settings_AreBoundIntoTheEngineOptions()
    {
        await using var sut = new SmartSpotAppFactory(TestPaths.TempDirectory(), new Dictionary<string, string?>
        {
            ["SmartSpot:Pipeline:Change:Threshold"] = "12.5",
            ["SmartSpot:Pipeline:Occupancy:ConfirmationCount"] = "5",
            ["SmartSpot:Uploads:VideoExtensions"] = ".mp4",
        });

        var pipeline = sut.Services.GetRequiredService<PipelineOptions>();
        var uploads = sut.Services.GetRequiredService<UploadStore>();

        Assert.Equal(12.5, pipeline.Change.Threshold);
        Assert.Equal(5, pipeline.Occupancy.ConfirmationCount);
        Assert.Equal([".mp4"], uploads.Limits.VideoExtensionList);
        Assert.Equal(4, sut.Services.GetRequiredService<IOptions<AnalysisOptions>>().Value.MaxConcurrentSessions);
    }
}
