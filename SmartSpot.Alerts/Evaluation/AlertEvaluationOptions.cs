using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Alerts.Evaluation;

/// <summary>How rules avoid flapping: the hysteresis shared by all rules.</summary>
public sealed record AlertEvaluationOptions
{
    /// <summary>Count rules clear only once the free count is more than this many spots past the threshold.
    /// Default 1: "free at or below 3" fires at 3 and clears at 5, so a count flickering between 3 and 4 gives one event pair.</summary>
    [Range(0, 1000)]
    public int CountHysteresis { get; init; } = 1;

    /// <summary>A count rule's condition, entering or leaving, must hold this long before its event goes out.
    /// Default 10 s: a car driving through a free bay or a one-frame misreading never reaches a receiver.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan HoldTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A camera-offline rule clears only after the camera has been back online this long.
    /// Default 30 s: a stream that reconnects and drops again gives one event pair, not one per drop.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan CameraRecoveryTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often timed conditions (hold times, overstay, offline) are re-checked between observations. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan EvaluationInterval { get; init; } = TimeSpan.FromSeconds(1);
}
