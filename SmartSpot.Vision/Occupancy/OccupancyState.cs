using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Occupancy;

/// <summary>Turns classifications into confirmed statuses: a spot flips only after agreeing votes (hysteresis).</summary>
public sealed class OccupancyState(IReadOnlyList<ParkingSpot> spots, OccupancyOptions options)
{
    private readonly Dictionary<int, int> _indexOfSpot = spots.Select((spot, index) => (spot.Id, index)).ToDictionary();
    private readonly SpotState?[] _confirmed = new SpotState?[spots.Count];
    private readonly (SpotStatus Status, int Votes)[] _pending = new (SpotStatus, int)[spots.Count];
    private IReadOnlyList<SpotState> _current = [];

    /// <summary>Spots with a flip under way: keep classifying them until it is confirmed or dropped.</summary>
    public IEnumerable<ParkingSpot> Undecided => spots.Where((_, index) => _pending[index].Votes > 0);

    /// <summary>Applies one frame's verdicts; a spot's first verdict is taken at once.</summary>
    /// <param name="followsGap">Frames were lost before this one (carried into the snapshot for the timeline).</param>
    public OccupancySnapshot Update(int frame, TimeSpan time, IReadOnlyList<ParkingSpot> classified, IReadOnlyList<SpotClassification> verdicts, bool followsGap = false)
    {
        var changed = new List<int>();
        var restated = false;
        for (var i = 0; i < classified.Count; i++)
        {
            var index = _indexOfSpot[classified[i].Id];
            switch (Vote(index, verdicts[i], frame, time))
            {
                case Outcome.Flipped:
                    changed.Add(classified[i].Id);
                    break;
                case Outcome.Restated:
                    restated = true;
                    break;
            }
        }
        if (changed.Count > 0 || restated || _current.Count == 0)
        {
            _current = _confirmed.Select((state, index) => state ?? throw Unclassified(spots[index])).ToArray();
        }
        return new OccupancySnapshot(frame, time, _current, changed, followsGap);
    }

    private Outcome Vote(int index, SpotClassification verdict, int frame, TimeSpan time)
    {
        var confirmed = _confirmed[index];
        if (confirmed is not null && confirmed.Status == verdict.Status)
        {
            _pending[index] = default;
            return Restate(index, confirmed, verdict.Confidence);
        }
        var votes = _pending[index].Votes > 0 && _pending[index].Status == verdict.Status ? _pending[index].Votes + 1 : 1;
        if (confirmed is not null && votes < options.ConfirmationCount)
        {
            _pending[index] = (verdict.Status, votes);
            return Outcome.Unchanged;
        }
        _pending[index] = default;
        _confirmed[index] = new SpotState(spots[index].Id, verdict.Status, verdict.Confidence, frame, time, IsUncertain(verdict.Confidence));
        return confirmed is null ? Outcome.Restated : Outcome.Flipped;
    }

    // An agreeing verdict keeps the status and its start, and brings the confidence up to date.
    private Outcome Restate(int index, SpotState confirmed, float confidence)
    {
        if (confirmed.Confidence == confidence) return Outcome.Unchanged;
        _confirmed[index] = confirmed with { Confidence = confidence, Uncertain = IsUncertain(confidence) };
        return Outcome.Restated;
    }

    private bool IsUncertain(float confidence) => confidence < options.UncertainBelow;

    private static InvalidOperationException Unclassified(ParkingSpot spot) =>
        new($"Spot {spot.Id} has no classification yet: the first analysed frame must classify every spot.");

    private enum Outcome { Unchanged, Restated, Flipped }
}
