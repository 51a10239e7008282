using SmartSpot.Vision.Classification;

namespace SmartSpot.Tests.Web;

/// <summary>Throws on its first call, as a broken model would, then classifies by brightness.</summary>
public sealed class FailingOnceClassifier : ISpotClassifier
{
    private readonly BrightnessClassifier _inner = new();
    private int _calls;

    public IReadOnlyList<SpotClassification> Classify(SpotCrops crops) =>
        Interlocked.Increment(ref _calls) == 1
            ? throw new InvalidOperationException("the model ran out of memory")
            : _inner.Classify(crops);
}
