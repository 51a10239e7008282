namespace SmartSpot.Vision.Classification;

/// <summary>Tells free from occupied for the spot crops of one frame.</summary>
public interface ISpotClassifier
{
    /// <summary>One verdict per crop, in the order of <see cref="SpotCrops.Spots"/>.</summary>
    IReadOnlyList<SpotClassification> Classify(SpotCrops crops);
}
