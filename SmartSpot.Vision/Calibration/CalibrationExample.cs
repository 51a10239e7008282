using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Evaluation;

namespace SmartSpot.Vision.Calibration;

/// <summary>One labelled crop of a lot as a head is fitted on it: the model's embedding and verdict, the truth, and which spot it shows.</summary>
/// <param name="Generic">The model's own verdict on the crop, carrying its <see cref="SpotClassification.Embedding"/>.</param>
/// <param name="Spot">Which spot of the lot the crop shows: cross-validation never scores a spot on a head fitted on it.</param>
public sealed record CalibrationExample(SpotClassification Generic, SpotStatus Truth, string Spot)
{
    /// <summary>
    /// An evaluated crop of a crop folder. Its spot is its sub-folder below <c>empty/</c> or <c>occupied/</c> plus the last
    /// <c>_</c>-separated part of its file name (<c>occupied/cam1/20150703_0805_12.jpg</c> is spot <c>cam1/12</c>, as in the
    /// shared crop sets); a name without <c>_</c> is a spot of its own.
    /// </summary>
    public static CalibrationExample FromCrop(CropVerdict crop)
    {
        var parts = crop.Path.Replace('\\', '/').Split('/');
        var stem = Path.GetFileNameWithoutExtension(parts[^1]);
        var spot = string.Join('/', parts[1..^1].Append(stem[(stem.LastIndexOf('_') + 1)..]));
        return new CalibrationExample(crop.Verdict, crop.Truth, spot);
    }
}
