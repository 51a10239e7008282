namespace SmartSpot.Vision.Evaluation;

/// <summary>How honest the confidences are: crops binned by confidence, each bin's accuracy beside its mean confidence.</summary>
/// <param name="ExpectedCalibrationError">Mean gap between confidence and accuracy, weighted by the bins' crops (0 = perfectly honest).</param>
public sealed record Reliability(IReadOnlyList<ReliabilityBin> Bins, double ExpectedCalibrationError)
{
    /// <summary>Bins of equal width over the confidences 0.5 to 1 (a confidence of exactly 1 goes in the last).</summary>
    public static Reliability Of(IReadOnlyList<CropVerdict> crops, int binCount = 5)
    {
        var width = 0.5 / binCount;
        var bins = Enumerable.Range(0, binCount).Select(bin =>
        {
            var (from, to) = (0.5 + bin * width, 0.5 + (bin + 1) * width);
            var inBin = crops.Where(crop => BinOf(crop.Verdict.Confidence, binCount) == bin).ToList();
            var meanConfidence = inBin.Count == 0 ? 0 : inBin.Average(crop => (double)crop.Verdict.Confidence);
            return new ReliabilityBin(Math.Round(from, 3), Math.Round(to, 3), inBin.Count, inBin.Count(crop => crop.IsRight), meanConfidence);
        }).ToList();
        var error = crops.Count == 0 ? 0 : bins.Sum(bin => bin.Crops * Math.Abs(bin.Accuracy - bin.MeanConfidence)) / crops.Count;
        return new Reliability(bins, error);
    }

    private static int BinOf(float confidence, int binCount) => Math.Clamp((int)((confidence - 0.5) * 2 * binCount), 0, binCount - 1);
}
