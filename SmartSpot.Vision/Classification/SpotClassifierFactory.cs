namespace SmartSpot.Vision.Classification;

/// <summary>
/// The models of a process, loaded once, and a classifier for each analysis: the cascade (<see cref="CascadeSpotClassifier"/>,
/// which remembers verdicts per spot) when a fast model is configured, the model alone otherwise.
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

    /// <summary>A classifier for one analysis; the models behind it are shared and stay owned by this factory.</summary>
    public ISpotClassifier CreateForAnalysis() => _fast is null ? _model : new CascadeSpotClassifier(_fast, _model);

    public void Dispose()
    {
        _fast?.Dispose();
        _model.Dispose();
    }
}
