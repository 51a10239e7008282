namespace SmartSpot.Vision.Evaluation;

/// <summary>The crops whose confidence fell in [<paramref name="From"/>, <paramref name="To"/>) and how many of them were right.</summary>
public sealed record ReliabilityBin(double From, double To, int Crops, int Right, double MeanConfidence)
{
    /// <summary>Share of the bin's crops that were right: close to <see cref="MeanConfidence"/> when the confidence is honest.</summary>
    public double Accuracy => Crops == 0 ? 0 : (double)Right / Crops;
}
