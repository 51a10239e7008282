namespace SmartSpot.Vision.Calibration;

/// <summary>Standardisation of embeddings: each feature minus its mean over the labels, divided by its spread.</summary>
/// <param name="Mean">Per feature, the mean over the labelled embeddings.</param>
/// <param name="Scale">Per feature, the standard deviation over them, floored at 1 % of the typical one so a feature that barely moved cannot blow up.</param>
public sealed record FeatureScaling(float[] Mean, float[] Scale)
{
    private const double ScaleFloor = 0.01;

    public int Length => Mean.Length;

    /// <summary>The scaling of these embeddings (all of one length, at least one).</summary>
    public static FeatureScaling Of(IReadOnlyList<ReadOnlyMemory<float>> embeddings)
    {
        var length = embeddings[0].Length;
        var mean = new double[length];
        var variance = new double[length];
        foreach (var embedding in embeddings)
        {
            var values = embedding.Span;
            for (var i = 0; i < length; i++) mean[i] += values[i];
        }
        for (var i = 0; i < length; i++) mean[i] /= embeddings.Count;
        foreach (var embedding in embeddings)
        {
            var values = embedding.Span;
            for (var i = 0; i < length; i++) variance[i] += (values[i] - mean[i]) * (values[i] - mean[i]);
        }
        var spread = variance.Select(sum => Math.Sqrt(sum / embeddings.Count)).ToArray();
        var floor = Math.Max(ScaleFloor * Math.Sqrt(variance.Sum() / embeddings.Count / length), 1e-6);
        return new FeatureScaling(mean.Select(value => (float)value).ToArray(), spread.Select(value => (float)Math.Max(value, floor)).ToArray());
    }

    /// <summary>Writes the standardised <paramref name="embedding"/> into <paramref name="destination"/>.</summary>
    public void Standardise(ReadOnlySpan<float> embedding, Span<double> destination)
    {
        for (var i = 0; i < Length; i++) destination[i] = (embedding[i] - (double)Mean[i]) / Scale[i];
    }
}
