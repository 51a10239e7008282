using SmartSpot.Vision.Occupancy;

namespace SmartSpot.Web.Services;

/// <summary>An append-only list of timeline points whose views never change after they are taken; one writer, many readers.</summary>
internal sealed class SessionTimeline
{
    private readonly Lock _lock = new();
    private TimelinePoint[] _points = new TimelinePoint[256];
    private ArraySegment<TimelinePoint> _view = ArraySegment<TimelinePoint>.Empty;

    public IReadOnlyList<TimelinePoint> View
    {
        get { lock (_lock) return _view; }
    }

    public void Add(TimelinePoint point)
    {
        lock (_lock)
        {
            var count = _view.Count;
            if (count == _points.Length)
            {
                Array.Resize(ref _points, count * 2);
            }
            _points[count] = point;
            _view = new ArraySegment<TimelinePoint>(_points, 0, count + 1);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _points = new TimelinePoint[256];
            _view = ArraySegment<TimelinePoint>.Empty;
        }
    }
}
