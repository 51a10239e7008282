using SmartSpot.Vision.Classification;

namespace SmartSpot.Vision.Calibration;

/// <summary>
/// A lot's head over a classifier: every verdict of <paramref name="inner"/> (which must carry the accurate model's
/// embedding) is replaced by the head's. Stateless, so safe to share; over a cascade it sits outside (see
/// <see cref="SpotClassifierFactory.CreateForAnalysis"/>).
/// </summary>
public sealed class CalibratedSpotClassifier(ISpotClassifier inner, LotHead head) : ISpotClassifier
{
    /// <summary>The classifier whose verdicts the head replaces.</summary>
    public ISpotClassifier Inner => inner;

    public LotHead Head => head;

    public IReadOnlyList<SpotClassification> Classify(SpotCrops crops) => inner.Classify(crops).Select(head.Apply).ToArray();
}
