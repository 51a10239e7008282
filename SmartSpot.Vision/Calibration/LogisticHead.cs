using SmartSpot.Vision.Classification;

namespace SmartSpot.Vision.Calibration;

/// <summary>A logistic regression on standardised embeddings: the probability that a crop shows an occupied spot.</summary>
/// <param name="Weights">One per embedding feature, on the standardised scale.</param>
public sealed record LogisticHead(FeatureScaling Scaling, float[] Weights, float Bias)
{
    /// <summary>Floats in the embeddings it reads.</summary>
    public int EmbeddingLength => Weights.Length;

    /// <summary>Standardises the labelled embeddings and fits the regression on them (<see cref="LogisticRegression"/>).</summary>
    public static LogisticHead Fit(IReadOnlyList<CalibrationExample> examples, double l2)
    {
        var scaling = FeatureScaling.Of(examples.Select(example => example.Generic.Embedding).ToList());
        var rows = examples.Select(example =>
        {
            var row = new double[scaling.Length];
            scaling.Standardise(example.Generic.Embedding.Span, row);
            return row;
        }).ToList();
        var (weights, bias) = LogisticRegression.Fit(rows, examples.Select(example => example.Truth == SpotStatus.Occupied).ToList(), l2);
        return new LogisticHead(scaling, weights.Select(weight => (float)weight).ToArray(), (float)bias);
    }

    public float OccupiedProbability(ReadOnlySpan<float> embedding)
    {
        if (embedding.Length != EmbeddingLength)
        {
            throw new InvalidOperationException(
                $"The lot head reads embeddings of {EmbeddingLength} floats but was given {embedding.Length}: load the model with ClassifierOptions.IncludeEmbedding.");
        }
        var z = (double)Bias;
        for (var i = 0; i < EmbeddingLength; i++) z += Weights[i] * ((embedding[i] - (double)Scaling.Mean[i]) / Scaling.Scale[i]);
        return (float)LogisticRegression.Sigmoid(z);
    }

    /// <summary>The head's verdict on a crop the model has judged: its status and confidence, the model's embedding kept.</summary>
    public SpotClassification Apply(SpotClassification generic) =>
        SpotClassification.FromOccupiedProbability(OccupiedProbability(generic.Embedding.Span), generic.Embedding);
}
