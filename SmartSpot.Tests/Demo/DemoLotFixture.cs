using SmartSpot.Demo;

namespace SmartSpot.Tests.Demo;

/// <summary>A short, busy demo lot generated once for the tests that only read it.</summary>
public sealed class DemoLotFixture : IDisposable
{
    public DemoLotFixture()
    {
        Lot = new DemoLotGenerator(TestOptions).EnsureGenerated(Directory);
        Truth = DemoGroundTruth.Load(Lot.GroundTruthPath);
    }

    /// <summary>Six seconds with an event every 0.8 s on average, so cars arrive, park and leave within the clip.</summary>
    public static DemoLotOptions TestOptions { get; } = new() { DurationSeconds = 6, MeanEventIntervalSeconds = 0.8, Seed = DemoSeeds.Test };

    public DemoLotOptions Options => TestOptions;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "smartspot-demo-tests", Guid.NewGuid().ToString("N"));

    public DemoLot Lot { get; }

    public DemoGroundTruth Truth { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
