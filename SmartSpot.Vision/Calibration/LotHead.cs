using SmartSpot.Vision.Classification;

namespace SmartSpot.Vision.Calibration;

/// <summary>
/// A lot's own decision on the model's embedding, fitted on its labelled crops by <see cref="LotHeadTrainer"/>: its
/// probability replaces the generic model's verdict and confidence. Immutable; saved as <c>lot-head.json</c> by <see cref="LotHeadFile"/>.
/// </summary>
/// <param name="Model">The model whose embeddings it reads; it refuses any other (<see cref="EnsureReads"/>).</param>
/// <param name="Options">The options it was fitted with.</param>
/// <param name="CrossValidation">Generic and calibrated accuracy on the labels, cross-validated by spot.</param>
public sealed record LotHead(ModelIdentity Model, LogisticHead Decision, CalibrationOptions Options, CrossValidation CrossValidation)
{
    /// <summary>Floats in the embeddings it reads (D of the model's <c>embedding</c> [N,D]).</summary>
    public int EmbeddingLength => Decision.EmbeddingLength;

    /// <summary>Throws <see cref="InvalidInputException"/> unless <paramref name="model"/>, whose embeddings have <paramref name="embeddingLength"/> floats, is the model this head was fitted on.</summary>
    public void EnsureReads(ModelIdentity model, int embeddingLength)
    {
        if (!Model.IsSameModel(model))
        {
            throw new InvalidInputException(
                $"The lot head was fitted on the embeddings of {Model}, not of {model}: a head only fits the model it was made with. Use that model, or fit a new head with this one (smartspot calibrate --model).");
        }
        if (embeddingLength != EmbeddingLength)
        {
            throw new InvalidInputException($"The lot head reads embeddings of {EmbeddingLength} floats, but its model gives {embeddingLength}: the head is damaged. Fit it again (smartspot calibrate).");
        }
    }

    /// <summary>The head's verdict on a crop the model has judged (which must carry the embedding): status and calibrated confidence.</summary>
    public SpotClassification Apply(SpotClassification generic) => Decision.Apply(generic);
}
