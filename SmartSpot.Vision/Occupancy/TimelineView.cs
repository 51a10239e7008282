using System.Collections;

namespace SmartSpot.Vision.Occupancy;

/// <summary>An immutable view of the timeline: the thinned older points, then the recent ones at full resolution.</summary>
internal sealed class TimelineView(ArraySegment<TimelinePoint> older, ArraySegment<TimelinePoint> recent) : IReadOnlyList<TimelinePoint>
{
    public static readonly TimelineView Empty = new(ArraySegment<TimelinePoint>.Empty, ArraySegment<TimelinePoint>.Empty);

    public int Count => older.Count + recent.Count;

    public TimelinePoint this[int index] => index < older.Count ? older[index] : recent[index - older.Count];

    public IEnumerator<TimelinePoint> GetEnumerator() => older.Concat(recent).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
