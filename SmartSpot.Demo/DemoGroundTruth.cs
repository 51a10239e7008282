using System.Text.Json;
using SmartSpot.Vision;
using SmartSpot.Vision.Classification;

namespace SmartSpot.Demo;

/// <summary>
/// What the demo video really shows: its bays, the schedule of visits and, per frame, the occupied bays.
/// A bay is occupied while a car stands in it, and while a car driving in or out covers at least half of what it covers parked.
/// </summary>
public sealed record DemoGroundTruth(
    int Width,
    int Height,
    double Fps,
    int FrameCount,
    IReadOnlyList<DemoBay> Bays,
    IReadOnlyList<DemoVisit> Visits,
    IReadOnlyList<DemoFrameTruth> Frames)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The true status of a bay in a frame.</summary>
    public SpotStatus StatusOf(int frameIndex, int bayId) =>
        Frames[frameIndex].Occupied.Contains(bayId) ? SpotStatus.Occupied : SpotStatus.Free;

    public static DemoGroundTruth Load(string path)
    {
        using var file = File.OpenRead(path);
        return JsonSerializer.Deserialize<DemoGroundTruth>(file, Json)
            ?? throw new InvalidInputException($"The ground truth '{path}' is empty. Delete the demo directory to generate it again.");
    }

    /// <summary>Writes the truth as camelCase JSON.</summary>
    public void Save(string path)
    {
        using var file = File.Create(path);
        JsonSerializer.Serialize(file, this, Json);
    }
}
