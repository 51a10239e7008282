namespace SmartSpot.Vision.Classification;

/// <summary>The classifier's verdict on one spot crop.</summary>
/// <param name="Confidence">Probability of <paramref name="Status"/>, 0.5 to 1.</param>
public readonly record struct SpotClassification(SpotStatus Status, float Confidence)
{
    /// <summary>The verdict from the probability that the spot is occupied.</summary>
    public static SpotClassification FromOccupiedProbability(float occupied) =>
        occupied >= 0.5f ? new(SpotStatus.Occupied, occupied) : new(SpotStatus.Free, 1 - occupied);
}
