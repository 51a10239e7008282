using SmartSpot.Vision.Classification;

namespace SmartSpot.Tests;

/// <summary>A stand-in classifier for drawn frames: a bright crop is a car. Counts what it was asked.</summary>
public sealed class BrightnessClassifier : ISpotClassifier
{
    private const int CropWidth = 8;
    private const int CropHeight = 4;

    public List<IReadOnlyList<int>> Calls { get; } = [];

    public IReadOnlyList<SpotClassification> Classify(SpotCrops crops)
    {
        Calls.Add(crops.Spots.Select(spot => spot.Id).ToList());
        var length = 3 * CropWidth * CropHeight;
        var tensor = crops.ToTensor(CropWidth, CropHeight).ToArray();
        return Enumerable.Range(0, crops.Count)
            .Select(index => SpotClassification.FromOccupiedProbability(tensor.AsSpan(index * length, length).ToArray().Average() / 255))
            .ToList();
    }
}
