namespace SmartSpot.Demo;

/// <summary>Demo-lot seeds kept out of training, so that no check of the model scores a picture it learnt from.</summary>
public static class DemoSeeds
{
    /// <summary>The demo lot the dashboard shows (<see cref="DemoLotOptions.Seed"/>'s default).</summary>
    public const int Shipped = 2026;

    /// <summary>The demo lot the tests score the model on.</summary>
    public const int Test = 211;

    /// <summary>Seeds tools/DemoCrops refuses to make training crops from.</summary>
    public static IReadOnlySet<int> Reserved { get; } = new HashSet<int> { Shipped, Test };
}
