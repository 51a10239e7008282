using SmartSpot.Vision.Classification;

namespace SmartSpot.Vision.Calibration;

/// <summary>One spot cut out of one frame as the classifier sees it, with the model's verdict on it: what an operator labels.</summary>
/// <param name="Png">The crop (the spot's box, or its outline warped upright) as a lossless PNG, so the crop read back gives the same verdict and embedding.</param>
/// <param name="Verdict">The classifier's verdict on the crop, with its embedding when the classifier gives one.</param>
public sealed record SpotSample(int SpotId, byte[] Png, SpotClassification Verdict);
