using Microsoft.Extensions.Configuration;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Web.Hosting;
using SmartSpot.Web.Storage;
using SmartSpot.Web.Uploads;

namespace SmartSpot.Tests.Web.Hosting;

public sealed class SettingsKeyCheckerTests
{
    private static readonly SettingsKeyChecker Sut = new SettingsKeyChecker()
        .Add<StorageOptions>(StorageOptions.Section)
        .Add<UploadOptions>(UploadOptions.Section)
        .Add<PipelineOptions>("SmartSpot:Pipeline");

    [Fact]
    public void FindUnknown_MisspeltSection_NamesTheNearestValidKey()
    {
        var unknown = Sut.FindUnknown(Settings(("SmartSpot:Upload:MaxVideoBytes", "100")));

        Assert.Equal([("SmartSpot:Upload:MaxVideoBytes", "SmartSpot:Uploads:MaxVideoBytes")], unknown);
    }

    [Fact]
    public void FindUnknown_NestedEngineSettingMisspelt_NamesTheNearestValidKey()
    {
        var unknown = Sut.FindUnknown(Settings(("SmartSpot:Pipeline:Change:Treshold", "5")));

        Assert.Equal("SmartSpot:Pipeline:Change:Threshold", Assert.Single(unknown).Nearest);
    }

    [Fact]
    public void FindUnknown_ValidKeysInAnyCase_AreNotReported()
    {
        var unknown = Sut.FindUnknown(Settings(
            ("SmartSpot:DataDirectory", "/tmp/x"), ("smartspot:uploads:maxmaskbytes", "5"), ("SmartSpot:Pipeline:Frames:AnalyzeEvery", "2"), ("Logging:LogLevel:Default", "Debug")));

        Assert.Empty(unknown);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value))).Build();
}
