using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;

namespace SmartSpot.Web.Lots;

/// <summary>
/// Counts per zone, derived from an analysis's per-spot states and intervals and the lot's zones (zones are the lot's:
/// a zone drawn after an analysis counts its spots too, since spot ids are stable). Spots the analysis did not have are left out.
/// </summary>
public static class ZoneCounter
{
    /// <summary>Each zone's free and occupied spots in <paramref name="states"/> (one analysed frame).</summary>
    public static IReadOnlyList<ZoneCount> Count(IReadOnlyList<LotZone> zones, IReadOnlyList<SpotState> states)
    {
        var status = states.ToDictionary(state => state.SpotId, state => state.Status);
        return zones.Select(zone =>
        {
            var known = zone.SpotIds.Where(status.ContainsKey).ToList();
            var occupied = known.Count(id => status[id] == SpotStatus.Occupied);
            return new ZoneCount(zone.Id, zone.Name, known.Count - occupied, occupied);
        }).ToList();
    }

    /// <summary>The zone's counts after each analysed frame of <paramref name="timeline"/>, from the intervals of its spots.</summary>
    /// <param name="intervals">By spot, then time (both ends inclusive), covering every analysed frame of every spot.</param>
    public static IReadOnlyList<TimelinePoint> Timeline(LotZone zone, IReadOnlyList<TimelinePoint> timeline, IReadOnlyList<SpotInterval> intervals)
    {
        var members = zone.SpotIds.ToHashSet();
        // +1/-1 changes of the zone's classified and occupied spots, at the frame they take effect.
        var changes = intervals.Where(interval => members.Contains(interval.SpotId))
            .SelectMany(interval => new[]
            {
                (Frame: interval.StartFrame, Known: 1, Occupied: interval.Status == SpotStatus.Occupied ? 1 : 0),
                (Frame: interval.EndFrame + 1, Known: -1, Occupied: interval.Status == SpotStatus.Occupied ? -1 : 0),
            })
            .OrderBy(change => change.Frame)
            .ToList();
        var points = new List<TimelinePoint>(timeline.Count);
        var (next, known, occupied) = (0, 0, 0);
        foreach (var point in timeline)
        {
            for (; next < changes.Count && changes[next].Frame <= point.Frame; next++)
            {
                known += changes[next].Known;
                occupied += changes[next].Occupied;
            }
            points.Add(point with { Free = known - occupied, Occupied = occupied });
        }
        return points;
    }
}
