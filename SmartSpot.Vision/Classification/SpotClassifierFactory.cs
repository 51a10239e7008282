using SmartSpot.Vision.Calibration;

namespace SmartSpot.Vision.Classification;

/// <summary>
/// The models of a process, loaded once, and a classifier for each analysis: the cascade (<see cref="CascadeSpotClassifier"/>,
/// which remembers verdicts per spot) when a fast model is configured, the model alone otherwise; with a lot's head on top when one is given.
/// </summary>
public sealed class SpotClassifierFactory : IDisposable
{
    private readonly OnnxSpotClassifier _model;
    private readonly OnnxSpotClassifier? _fast;

    /// <summary>Loads the models; throws <see cref="InvalidInputException"/> when one is missing or unusable.</summary>
    public SpotClassifierFactory(ClassifierOptions options)
    {
        _model = new OnnxSpotClassifier(options);
        try
        {
            _fast = string.IsNullOrWhiteSpace(options.FastModelPath) ? null : new OnnxSpotClassifier(options with { ModelPath = options.FastModelPath, IncludeEmbedding = false });
        }
        catch
        {
            _model.Dispose();
            throw;
        }
    }

    /// <summary>The accurate model alone (it decides, and its embedding is what lot heads read), e.g. to embed a lot's labelled crops; owned by this factory.</summary>
    public OnnxSpotClassifier Model => _model;

    /// <summary>
    /// A classifier for one analysis; the models behind it are shared and stay owned by this factory. With a <paramref name="head"/>
    /// (fitted on this model: <see cref="InvalidInputException"/> otherwise; the models must be loaded with
    /// <see cref="ClassifierOptions.IncludeEmbedding"/>) the head decides every verdict.
    /// </summary>
    /// <remarks>
    /// The head sits outside the cascade, on the verdicts it returns (each the accurate model's, with its embedding), not
    /// inside it on the accurate model: the cascade asks the accurate model again when the fast model disagrees with the
    /// accurate model's last word, and the fast model is a generic model. Measured against the head's verdicts, it would
    /// disagree on every bay the head corrects (the lot's typical error, e.g. painted lines read as cars by both generic
    /// models), in every frame, and the cascade would run the accurate model on those bays all the time. Measured against the
    /// accurate model's generic verdict, disagreement keeps meaning "the crop changed"; the head re-reads the returned
    /// embedding, so every verdict, new or remembered, is the head's.
    /// </remarks>
    public ISpotClassifier CreateForAnalysis(LotHead? head = null)
    {
        ISpotClassifier generic = _fast is null ? _model : new CascadeSpotClassifier(_fast, _model);
        if (head is null) return generic;
        head.EnsureReads(_model.Identity, _model.EmbeddingLength);
        if (!_model.IncludesEmbedding)
        {
            throw new InvalidOperationException("A lot head reads the model's embedding: load the models with ClassifierOptions.IncludeEmbedding.");
        }
        return new CalibratedSpotClassifier(generic, head);
    }

    public void Dispose()
    {
        _fast?.Dispose();
        _model.Dispose();
    }
}
