using SmartSpot.Demo;

namespace SmartSpot.Tests.Demo;

public sealed class DemoSeedsTests
{
    /// <summary>The seeds tools/DemoCrops made the shipped model's demo crops from (docs/model.md).</summary>
    private static readonly int[] TrainingSeeds = [7, 11];

    [Fact]
    public void TestSeed_IsReservedAndNoTrainingSeed()
    {
        Assert.Contains(DemoSeeds.Test, DemoSeeds.Reserved);
        Assert.Contains(DemoSeeds.Shipped, DemoSeeds.Reserved);
        Assert.DoesNotContain(DemoSeeds.Test, TrainingSeeds);
        Assert.DoesNotContain(DemoSeeds.Shipped, TrainingSeeds);
    }

    [Fact]
    public void Fixture_ScoresTheModelOnTheTestSeed()
    {
        Assert.Equal(DemoSeeds.Test, DemoLotFixture.TestOptions.Seed);
    }
}
