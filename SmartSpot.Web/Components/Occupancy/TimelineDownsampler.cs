using SmartSpot.Vision.Occupancy;

namespace SmartSpot.Web.Components.Occupancy;

/// <summary>Thins a count timeline to at most a few hundred points for a chart, keeping the first and last.</summary>
public static class TimelineDownsampler
{
    public static IReadOnlyList<TimelinePoint> Downsample(IReadOnlyList<TimelinePoint> timeline, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        if (timeline.Count <= maxPoints)
        {
            return timeline;
        }
        var step = (timeline.Count - 1) / (double)(maxPoints - 1);
        var points = new TimelinePoint[maxPoints];
        for (var index = 0; index < maxPoints; index++)
        {
            points[index] = timeline[(int)Math.Round(index * step)];
        }
        return points;
    }
}
