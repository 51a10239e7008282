using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Pipeline;

/// <summary>
/// The labelled crops of ../shared/data/crops/lot-a: file <c>frame_label.jpg</c>, where the label is a
/// connected-component number of the 1920x1080 mask from the crops' own tooling, which is close to but
/// not exactly OpenCV's numbering. Each label is matched to one of our spots by picture: among the
/// components numbered within ±20 of the label, the spot whose pixels look most like the label's first crop.
/// </summary>
public sealed class LotACropLabels
{
    private const int LabelSearchWindow = 20;

    private LotACropLabels(IReadOnlyList<(int Frame, int Label, SpotStatus Status, string Path)> crops) => Crops = crops;

    public IReadOnlyList<(int Frame, int Label, SpotStatus Status, string Path)> Crops { get; }

    /// <summary>The frames whose pictures <see cref="MatchSpots"/> needs.</summary>
    public IReadOnlySet<int> FramesToMatch => FirstCrops.Select(crop => crop.Frame).ToHashSet();

    private IEnumerable<(int Frame, int Label, SpotStatus Status, string Path)> FirstCrops =>
        Crops.GroupBy(crop => crop.Label).Select(group => group.MinBy(crop => crop.Frame));

    public static LotACropLabels Load(string sharedData)
    {
        var crops = new List<(int, int, SpotStatus, string)>();
        foreach (var (folder, status) in new[] { ("empty", SpotStatus.Free), ("occupied", SpotStatus.Occupied) })
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(sharedData, "crops", "lot-a", folder), "*.jpg"))
            {
                var parts = Path.GetFileNameWithoutExtension(path).Split('_');
                crops.Add((int.Parse(parts[0]), int.Parse(parts[1]), status, path));
            }
        }
        return new LotACropLabels(crops);
    }

    /// <summary>Label -> our spot id, one to one, best picture matches first.</summary>
    public Dictionary<int, int> MatchSpots(string fullSizeMaskPath, SpotMap spots, IReadOnlyDictionary<int, Mat> frames)
    {
        var centroids = ComponentCentroids(fullSizeMaskPath);
        var scaleX = (double)spots.FrameSize.Width / 1920;
        var scaleY = (double)spots.FrameSize.Height / 1080;
        var candidates = new List<(double Error, int Label, int SpotId)>();
        foreach (var crop in FirstCrops)
        {
            using var picture = Cv2.ImRead(crop.Path, ImreadModes.Color);
            var nearby = Enumerable.Range(crop.Label - LabelSearchWindow, 2 * LabelSearchWindow + 1).Where(centroids.ContainsKey);
            foreach (var component in nearby)
            {
                var centre = new Point(centroids[component].X * scaleX, centroids[component].Y * scaleY);
                var spot = spots.Spots.FirstOrDefault(s => s.Box.Contains(centre.X, centre.Y));
                if (spot is null) continue;
                candidates.Add((PictureDifference(picture, frames[crop.Frame], spot.Box.ToRect()), crop.Label, spot.Id));
            }
        }
        var matches = new Dictionary<int, int>();
        var taken = new HashSet<int>();
        foreach (var (_, label, spotId) in candidates.OrderBy(candidate => candidate.Error))
        {
            if (!matches.ContainsKey(label) && taken.Add(spotId)) matches[label] = spotId;
        }
        return matches;
    }

    private static Dictionary<int, Point2d> ComponentCentroids(string maskPath)
    {
        using var mask = Cv2.ImRead(maskPath, ImreadModes.Grayscale);
        using var binary = new Mat();
        Cv2.Threshold(mask, binary, 127, 255, ThresholdTypes.Binary);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(binary, labels, stats, centroids, PixelConnectivity.Connectivity4);
        return Enumerable.Range(1, count - 1).ToDictionary(label => label, label => new Point2d(centroids.At<double>(label, 0), centroids.At<double>(label, 1)));
    }

    private static double PictureDifference(Mat crop, Mat frame, Rect box)
    {
        using var region = new Mat(frame, box);
        using var resized = new Mat();
        Cv2.Resize(crop, resized, box.Size, interpolation: InterpolationFlags.Area);
        using var difference = new Mat();
        Cv2.Absdiff(resized, region, difference);
        var mean = Cv2.Mean(difference);
        return (mean.Val0 + mean.Val1 + mean.Val2) / 3;
    }
}
