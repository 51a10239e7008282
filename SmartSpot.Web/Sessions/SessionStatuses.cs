namespace SmartSpot.Web.Sessions;

/// <summary>The one place that knows which statuses are still owned by the analysis worker.</summary>
public static class SessionStatuses
{
    /// <summary>The statuses of an analysis the worker still owns.</summary>
    public static IReadOnlyList<SessionStatus> Active { get; } = [SessionStatus.Queued, SessionStatus.Running, SessionStatus.Paused];

    /// <summary>Queued, Running or Paused: the worker still owns it.</summary>
    public static bool IsActive(this SessionStatus status) => status is SessionStatus.Queued or SessionStatus.Running or SessionStatus.Paused;
}
