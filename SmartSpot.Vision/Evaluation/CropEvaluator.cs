using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Evaluation;

/// <summary>Scores a classifier on a folder of labelled crops: <c>empty/</c> and <c>occupied/</c> image folders (sub-folders included).</summary>
public sealed class CropEvaluator(ISpotClassifier classifier)
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".bmp"];

    /// <summary>Classifies every crop as a whole; unreadable images are counted in <see cref="CropEvaluation.Skipped"/>.</summary>
    public CropEvaluation Evaluate(string directory, IProgress<int>? progress = null)
    {
        var free = ImagesIn(directory, "empty");
        var occupied = ImagesIn(directory, "occupied");
        using var cropper = new SpotCropper();
        var skipped = 0;
        var done = 0;
        int[] freeVerdicts = [0, 0], occupiedVerdicts = [0, 0];
        foreach (var (paths, verdicts) in new[] { (free, freeVerdicts), (occupied, occupiedVerdicts) })
        {
            foreach (var path in paths)
            {
                var status = Classify(path, cropper);
                if (status is null) skipped++;
                else verdicts[(int)status.Value]++;
                progress?.Report(++done);
            }
        }
        var confusion = new ConfusionMatrix(freeVerdicts[0], freeVerdicts[1], occupiedVerdicts[0], occupiedVerdicts[1]);
        return new CropEvaluation(confusion, skipped);
    }

    /// <summary>How many crops <see cref="Evaluate"/> will read.</summary>
    public static int CountCrops(string directory) => ImagesIn(directory, "empty").Count + ImagesIn(directory, "occupied").Count;

    private SpotStatus? Classify(string path, SpotCropper cropper)
    {
        using var image = Cv2.ImRead(path, ImreadModes.Color);
        if (image.Empty()) return null;
        using var frame = Frame.FromBgr(image);
        var wholeImage = new ParkingSpot(1, new PixelBox(0, 0, image.Width, image.Height), image.Width * image.Height);
        return classifier.Classify(new SpotCrops(frame, [wholeImage], cropper))[0].Status;
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
