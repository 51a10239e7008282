namespace SmartSpot.Vision.Occupancy;

/// <summary>
/// The count timeline, bounded: every point of the recent window, one point per thinning interval before it (and
/// every point that follows a gap), nothing older than the retention. Points are only ever written past the end of
/// published views (or into fresh arrays), so a view, once taken, never changes: readers need no lock. One writer.
/// </summary>
internal sealed class RollingTimeline(HistoryOptions options)
{
    private readonly TimeSpan _fullResolution = TimeSpan.FromMinutes(options.FullResolutionMinutes);
    private readonly TimeSpan _thinnedInterval = TimeSpan.FromSeconds(options.ThinnedIntervalSeconds);
    private readonly TimeSpan _retention = TimeSpan.FromHours(options.RetentionHours);
    private Segment _older = new();
    private Segment _recent = new();
    private IReadOnlyList<TimelinePoint> _view = TimelineView.Empty;

    public IReadOnlyList<TimelinePoint> View => Volatile.Read(ref _view);

    public void Add(TimelinePoint point)
    {
        _recent.Append(point);
        while (_recent.First.Time < point.Time - _fullResolution)
        {
            var leaving = _recent.RemoveFirst();
            if (leaving.FollowsGap || _older.Count == 0 || leaving.Time - _older.Last.Time >= _thinnedInterval)
            {
                _older.Append(leaving);
            }
        }
        while (_older.Count > 0 && _older.First.Time < point.Time - _retention)
        {
            _older.RemoveFirst();
        }
        Volatile.Write(ref _view, new TimelineView(_older.Published, _recent.Published));
    }

    /// <summary>An append-only run of points; a full array is copied into a fresh one, never changed.</summary>
    private sealed class Segment
    {
        private TimelinePoint[] _points = new TimelinePoint[256];
        private int _start;
        private int _end;

        public int Count => _end - _start;

        public TimelinePoint First => _points[_start];

        public TimelinePoint Last => _points[_end - 1];

        public ArraySegment<TimelinePoint> Published => new(_points, _start, Count);

        public void Append(TimelinePoint point)
        {
            if (_end == _points.Length)
            {
                var fresh = new TimelinePoint[Math.Max(256, 2 * Count)];
                Array.Copy(_points, _start, fresh, 0, Count);
                (_points, _end, _start) = (fresh, Count, 0);
            }
            _points[_end++] = point;
        }

        public TimelinePoint RemoveFirst() => _points[_start++];
    }
}
