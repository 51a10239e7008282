using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Web.Services;

/// <summary>How many analyses run and how fast; bound from <c>SmartSpot:Analysis</c>.</summary>
public sealed class AnalysisOptions
{
    public const string Section = "SmartSpot:Analysis";

    /// <summary>Analyses running at once; the rest wait as Queued. Default 4: each takes about one core at real time.</summary>
    [Range(1, 64)]
    public int MaxConcurrentSessions { get; set; } = 4;

    /// <summary>Analyses that may wait; beyond it new ones are refused. Default 32: a day's uploads of a busy operator.</summary>
    [Range(1, 10_000)]
    public int QueueCapacity { get; set; } = 32;

    /// <summary>Playback speed of a new analysis in video seconds per second; 0 = as fast as possible. Default 1: the dashboard plays like the camera.</summary>
    [Range(0, 1000)]
    public double DefaultSpeed { get; set; } = 1.0;
}
