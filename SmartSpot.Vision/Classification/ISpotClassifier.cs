using OpenCvSharp;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Classification;

/// <summary>Tells free from occupied for spot crops of one frame.</summary>
public interface ISpotClassifier
{
    /// <summary>One verdict per spot, in the order given; <paramref name="frame"/> is BGR.</summary>
    IReadOnlyList<SpotClassification> Classify(Mat frame, IReadOnlyList<ParkingSpot> spots);
}
