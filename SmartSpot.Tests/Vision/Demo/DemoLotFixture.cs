using SmartSpot.Vision.Demo;

namespace SmartSpot.Tests.Vision.Demo;

/// <summary>A short, busy demo lot generated once for the tests that only read it.</summary>
public sealed class DemoLotFixture : IDisposable
{
    public DemoLotFixture()
    {
        Lot = new DemoLotGenerator(Options).EnsureGenerated(Directory);
        Truth = DemoGroundTruth.Load(Lot.GroundTruthPath);
    }

    /// <summary>Six seconds with an event every 0.8 s on average, so cars arrive, park and leave within the clip.</summary>
    public DemoLotOptions Options { get; } = new() { DurationSeconds = 6, MeanEventIntervalSeconds = 0.8, Seed = 7 };

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "smartspot-demo-tests", Guid.NewGuid().ToString("N"));

    public DemoLot Lot { get; }

    public DemoGroundTruth Truth { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
