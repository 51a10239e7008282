namespace SmartSpot.Vision.Occupancy;

/// <summary>Records the snapshots of an analysis as per-spot intervals and a count timeline; one writer.</summary>
public sealed class OccupancyHistory
{
    private readonly List<SpotInterval> _closed = [];
    private Dictionary<int, SpotState> _open = [];
    private OccupancySnapshot? _last;
    private TimelinePoint[] _points = new TimelinePoint[256];
    private int _pointCount;
    private IReadOnlyList<TimelinePoint> _timeline = [];

    /// <summary>The counts after each analysed frame. A view, once taken, never changes: readers on other threads need no lock.</summary>
    public IReadOnlyList<TimelinePoint> Timeline => Volatile.Read(ref _timeline);

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
        Append(new TimelinePoint(snapshot.Frame, snapshot.Time, snapshot.Free, snapshot.Occupied));
        _last = snapshot;
    }

    /// <summary>Writes past the end of every published view (a full array is copied, not changed), then publishes the longer view.</summary>
    private void Append(TimelinePoint point)
    {
        if (_pointCount == _points.Length)
        {
            Array.Resize(ref _points, _pointCount * 2);
        }
        _points[_pointCount++] = point;
        Volatile.Write(ref _timeline, new ArraySegment<TimelinePoint>(_points, 0, _pointCount));
    }

    private static SpotInterval Close(SpotState state, OccupancySnapshot last) =>
        new(state.SpotId, state.Status, state.SinceFrame, last.Frame, state.SinceTime, last.Time);
}
