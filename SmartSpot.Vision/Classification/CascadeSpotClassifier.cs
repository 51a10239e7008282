using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Classification;

/// <summary>
/// A fast model on every crop, an accurate one only where its word is missing or in doubt: the accurate model judges
/// each spot first, and again whenever the fast model disagrees with the accurate model's last verdict on it, or
/// agrees but its own probability has moved by more than <c>drift</c> since then (a car leaving a bay the fast
/// model wrongly calls occupied still moves its answer). Every verdict returned is the accurate model's (its
/// calibrated confidence and embedding); the fast model only decides when to ask it.
/// </summary>
/// <remarks>Keeps one verdict per spot (its id and box), so use one instance per analysis. Safe to share between threads.</remarks>
/// <param name="drift">How far the fast model's occupied probability may move, with the same status, before the accurate model is asked again.</param>
public sealed class CascadeSpotClassifier(ISpotClassifier fast, ISpotClassifier accurate, float drift = CascadeSpotClassifier.DefaultDrift) : ISpotClassifier
{
    /// <summary>Default <c>drift</c>: a fifth of the probability scale, well above the frame-to-frame noise of a still crop.</summary>
    public const float DefaultDrift = 0.2f;

    private readonly Dictionary<ParkingSpot, (SpotClassification Accurate, float FastOccupied)> _lastWord = [];
    private readonly Lock _lock = new();
    private long _fastRuns;
    private long _accurateRuns;

    /// <summary>Crops the fast model has classified.</summary>
    public long FastRuns => Interlocked.Read(ref _fastRuns);

    /// <summary>Crops the accurate model has classified.</summary>
    public long AccurateRuns => Interlocked.Read(ref _accurateRuns);

    public IReadOnlyList<SpotClassification> Classify(SpotCrops crops)
    {
        var spots = crops.Spots;
        var quick = fast.Classify(crops);
        Interlocked.Add(ref _fastRuns, spots.Count);
        var doubtful = new List<int>();
        lock (_lock)
        {
            for (var index = 0; index < spots.Count; index++)
            {
                if (!_lastWord.TryGetValue(spots[index], out var last) || last.Accurate.Status != quick[index].Status
                    || Math.Abs(last.FastOccupied - quick[index].OccupiedProbability) > drift)
                {
                    doubtful.Add(index);
                }
            }
        }
        var judged = doubtful.Count == 0 ? [] : accurate.Classify(crops.Of(doubtful.Select(index => spots[index]).ToList()));
        Interlocked.Add(ref _accurateRuns, doubtful.Count);
        lock (_lock)
        {
            for (var i = 0; i < doubtful.Count; i++)
            {
                _lastWord[spots[doubtful[i]]] = (judged[i], quick[doubtful[i]].OccupiedProbability);
            }
            return spots.Select(spot => _lastWord[spot].Accurate).ToArray();
        }
    }
}
