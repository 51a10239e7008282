namespace SmartSpot.Vision.Occupancy;

/// <summary>
/// Records the snapshots of an analysis as per-spot intervals and a count timeline, bounded by <see cref="HistoryOptions"/>
/// (a live stream runs for months): older timeline points are thinned, and points and ended intervals past the retention
/// are dropped. One writer.
/// </summary>
public sealed class OccupancyHistory(HistoryOptions? options = null)
{
    private readonly HistoryOptions _options = options ?? new HistoryOptions();
    private readonly Queue<SpotInterval> _closed = [];
    private readonly RollingTimeline _timeline = new(options ?? new HistoryOptions());
    private Dictionary<int, SpotState> _open = [];
    private OccupancySnapshot? _last;

    /// <summary>The counts after each analysed frame (thinned past the full-resolution window). A view, once taken, never changes: readers on other threads need no lock.</summary>
    public IReadOnlyList<TimelinePoint> Timeline => _timeline.View;

    /// <summary>Every interval kept, the open ones ending at the last analysed frame; by spot, then time.</summary>
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
                _closed.Enqueue(Close(_open[spotId], _last));
                _open[spotId] = snapshot.Spots.First(state => state.SpotId == spotId);
            }
        }
        var oldest = snapshot.Time - TimeSpan.FromHours(_options.RetentionHours);
        while (_closed.TryPeek(out var interval) && interval.EndTime < oldest)
        {
            _closed.Dequeue();
        }
        _timeline.Add(new TimelinePoint(snapshot.Frame, snapshot.Time, snapshot.Free, snapshot.Occupied, snapshot.FollowsGap));
        _last = snapshot;
    }

    private static SpotInterval Close(SpotState state, OccupancySnapshot last) =>
        new(state.SpotId, state.Status, state.SinceFrame, last.Frame, state.SinceTime, last.Time);
}
