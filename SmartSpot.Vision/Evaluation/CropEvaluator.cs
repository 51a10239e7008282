using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Frames;

namespace SmartSpot.Vision.Evaluation;

/// <summary>Scores a classifier on a folder of labelled crops: <c>empty/</c> and <c>occupied/</c> image folders (sub-folders included).</summary>
public sealed class CropEvaluator(ISpotClassifier classifier)
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".bmp"];

    /// <summary>Classifies every crop as a whole; unreadable images are counted in <see cref="CropEvaluation.Skipped"/>.</summary>
    /// <param name="progress">Told how many files have been read so far.</param>
    public CropEvaluation Evaluate(string directory, IProgress<int>? progress = null)
    {
        var labelled = new[] { (SpotStatus.Free, ImagesIn(directory, "empty")), (SpotStatus.Occupied, ImagesIn(directory, "occupied")) };
        var crops = new List<CropVerdict>();
        using var cropper = new SpotCropper();
        var skipped = 0;
        var done = 0;
        foreach (var (truth, paths) in labelled)
        {
            foreach (var path in paths)
            {
                var verdict = Classify(path, cropper);
                if (verdict is null) skipped++;
                else crops.Add(new CropVerdict(Path.GetRelativePath(directory, path), truth, verdict.Value));
                progress?.Report(++done);
            }
        }
        return new CropEvaluation(ConfusionMatrix.Of(crops), crops, skipped);
    }

    /// <summary>How many crops <see cref="Evaluate"/> will read.</summary>
    public static int CountCrops(string directory) => ImagesIn(directory, "empty").Count + ImagesIn(directory, "occupied").Count;

    private SpotClassification? Classify(string path, SpotCropper cropper)
    {
        using var image = Cv2.ImRead(path, ImreadModes.Color);
        if (image.Empty()) return null;
        using var frame = Frame.FromBgr(image);
        return classifier.Classify(SpotCrops.WholeFrame(frame, cropper))[0];
    }

    private static List<string> ImagesIn(string directory, string label)
    {
        var folder = Path.Combine(directory, label);
        if (!Directory.Exists(folder))
        {
            throw new InvalidInputException($"'{directory}' has no '{label}' folder. An evaluation folder needs both 'empty/' and 'occupied/' folders of crop images.");
        }
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(path => ImageExtensions.Contains(Path.GetExtension(path).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
