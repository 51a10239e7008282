using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests;

/// <summary>A stand-in classifier for drawn frames: a bright crop is a car. Counts what it was asked.</summary>
public sealed class BrightnessClassifier : ISpotClassifier
{
    public List<IReadOnlyList<int>> Calls { get; } = [];

    public IReadOnlyList<SpotClassification> Classify(Mat frame, IReadOnlyList<ParkingSpot> spots)
    {
        Calls.Add(spots.Select(spot => spot.Id).ToList());
        return spots.Select(spot =>
        {
            using var crop = new Mat(frame, spot.Box.ToRect());
            var brightness = Cv2.Mean(crop).Val0 / 255;
            return SpotClassification.FromOccupiedProbability((float)brightness);
        }).ToList();
    }
}
