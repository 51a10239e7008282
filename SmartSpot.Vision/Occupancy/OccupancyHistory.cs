namespace SmartSpot.Vision.Occupancy;

/// <summary>Records the snapshots of an analysis as per-spot intervals and a count timeline.</summary>
public sealed class OccupancyHistory
{
    private readonly List<SpotInterval> _closed = [];
    private readonly List<TimelinePoint> _timeline = [];
    private Dictionary<int, SpotState> _open = [];
    private OccupancySnapshot? _last;

    public IReadOnlyList<TimelinePoint> Timeline => _timeline;

    /// <summary>Every interval so far, the open ones ending at the last analysed frame; by spot, then time.</summary>
    public IReadOnlyList<SpotInterval> Intervals =>
        _closed.Concat(_open.Values.Select(state => Close(state, _last!)))
            .OrderBy(interval => interval.SpotId)
            .ThenBy(interval => interval.StartFrame)
            .ToList();

    public void Add(OccupancySnapshot snapshot)
    {
        if (_last is null)
        {
            _open = snapshot.Spots.ToDictionary(state => state.SpotId);
        }
        else
        {
            foreach (var spotId in snapshot.Changed)
            {
                _closed.Add(Close(_open[spotId], _last));
                _open[spotId] = snapshot.Spots.First(state => state.SpotId == spotId);
            }
        }
        _timeline.Add(new TimelinePoint(snapshot.Frame, snapshot.Time, snapshot.Free, snapshot.Occupied));
        _last = snapshot;
    }

    private static SpotInterval Close(SpotState state, OccupancySnapshot last) =>
        new(state.SpotId, state.Status, state.SinceFrame, last.Frame, state.SinceTime, last.Time);
}
