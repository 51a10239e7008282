using OpenCvSharp;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Classification;

/// <summary>
/// A fast model on every crop, an accurate one only where its word is missing or disputed: the accurate model judges
/// each spot first, and again whenever the fast model's status differs from the accurate model's last verdict on it.
/// Every verdict returned is the accurate model's (its calibrated confidence and embedding); the fast model only
/// decides when to ask it. With change detection a still spot is re-classified on refresh only, so the accurate
/// model runs on first sight and on flips, not every frame.
/// </summary>
/// <remarks>Keeps one verdict per spot (its id and box), so use one instance per analysis. Safe to share between threads.</remarks>
public sealed class CascadeSpotClassifier(ISpotClassifier fast, ISpotClassifier accurate) : ISpotClassifier
{
    private readonly Dictionary<ParkingSpot, SpotClassification> _lastWord = [];
    private readonly Lock _lock = new();
    private long _fastRuns;
    private long _accurateRuns;

    /// <summary>Crops the fast model has classified.</summary>
    public long FastRuns => Interlocked.Read(ref _fastRuns);

    /// <summary>Crops the accurate model has classified.</summary>
    public long AccurateRuns => Interlocked.Read(ref _accurateRuns);

    public IReadOnlyList<SpotClassification> Classify(Mat frame, IReadOnlyList<ParkingSpot> spots)
    {
        var quick = fast.Classify(frame, spots);
        Interlocked.Add(ref _fastRuns, spots.Count);
        var disputed = new List<ParkingSpot>();
        lock (_lock)
        {
            for (var index = 0; index < spots.Count; index++)
            {
                if (!_lastWord.TryGetValue(spots[index], out var last) || last.Status != quick[index].Status)
                {
                    disputed.Add(spots[index]);
                }
            }
        }
        var judged = disputed.Count == 0 ? [] : accurate.Classify(frame, disputed);
        Interlocked.Add(ref _accurateRuns, disputed.Count);
        lock (_lock)
        {
            for (var index = 0; index < disputed.Count; index++)
            {
                _lastWord[disputed[index]] = judged[index];
            }
            return spots.Select(spot => _lastWord[spot]).ToArray();
        }
    }
}
