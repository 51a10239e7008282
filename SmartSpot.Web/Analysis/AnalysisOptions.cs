using System.ComponentModel.DataAnnotations;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Web.Analysis;

/// <summary>How many analyses run and how fast; bound from <c>SmartSpot:Analysis</c>.</summary>
public sealed record AnalysisOptions : IValidatableObject
{
    public const string Section = "SmartSpot:Analysis";

    /// <summary>Analyses running at once; the rest wait as Queued. Default 4: each takes about one core at real time.</summary>
    [Range(1, 64)]
    public int MaxConcurrentSessions { get; init; } = 4;

    /// <summary>Analyses that may wait; beyond it new ones are refused. Default 32: a day's uploads of a busy operator.</summary>
    [Range(1, 10_000)]
    public int QueueCapacity { get; init; } = 32;

    /// <summary>Playback speed of a new analysis in video seconds per second: 0.1 to 1000, or 0 = as fast as possible. Default 1: the dashboard plays like the camera.</summary>
    public double DefaultSpeed { get; init; } = 1.0;

    /// <summary>Finished analyses kept in memory for instant reopening; older ones are read back from the database. Default 16: a screenful, a few MB each.</summary>
    [Range(0, 1000)]
    public int KeepFinishedSessions { get; init; } = 16;

    /// <summary>
    /// A live session's timeline is stored with a point when the counts change, around each gap, and otherwise one per this
    /// many seconds. Default 5: a day of a 30 fps camera is 17,280 rows, not 2.6 million; the chart loses nothing visible.
    /// </summary>
    [Range(0.1, 3600)]
    public double LiveTimelineSeconds { get; init; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!AnalysisSpeed.IsValid(DefaultSpeed))
        {
            yield return new ValidationResult(
                $"The default speed must be 0 (as fast as possible) or from {AnalysisSpeed.Min} to {AnalysisSpeed.Max}.", [nameof(DefaultSpeed)]);
        }
    }
}
