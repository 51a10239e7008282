namespace SmartSpot.Vision.Classification;

/// <summary>The classifier's verdict on one spot crop.</summary>
/// <param name="Confidence">Calibrated probability of <paramref name="Status"/>, 0.5 to 1: of crops given 0.8, about 80 % are right (docs/model.md).</param>
public readonly record struct SpotClassification(SpotStatus Status, float Confidence)
{
    /// <summary>The model's embedding of the crop, the features its decision is made from; empty unless asked for (<see cref="ClassifierOptions.IncludeEmbedding"/>).</summary>
    public ReadOnlyMemory<float> Embedding { get; init; }

    /// <summary>The probability that the spot is occupied, 0 to 1.</summary>
    public float OccupiedProbability => Status == SpotStatus.Occupied ? Confidence : 1 - Confidence;

    /// <summary>The verdict from the probability that the spot is occupied.</summary>
    public static SpotClassification FromOccupiedProbability(float occupied, ReadOnlyMemory<float> embedding = default) =>
        (occupied >= 0.5f ? new SpotClassification(SpotStatus.Occupied, occupied) : new SpotClassification(SpotStatus.Free, 1 - occupied)) with { Embedding = embedding };
}
