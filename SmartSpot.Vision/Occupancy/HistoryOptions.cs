using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Vision.Occupancy;

/// <summary>
/// How much of an analysis <see cref="OccupancyHistory"/> keeps in memory: bounded, so that a live stream can run for
/// months. With the defaults a 30 fps stream holds at most 108,000 + 8,640 timeline points (about 6 MB) and a day of intervals.
/// </summary>
public sealed record HistoryOptions
{
    /// <summary>Minutes before the latest frame for which the timeline keeps every analysed frame. Default 60.</summary>
    [Range(1, 10_080)]
    public double FullResolutionMinutes { get; init; } = 60;

    /// <summary>Older timeline points are thinned to one per this many seconds (points after a gap are always kept). Default 10.</summary>
    [Range(0.1, 3600)]
    public double ThinnedIntervalSeconds { get; init; } = 10;

    /// <summary>Hours before the latest frame after which timeline points and ended intervals are dropped. Default 24.</summary>
    [Range(1, 8760)]
    public double RetentionHours { get; init; } = 24;
}
