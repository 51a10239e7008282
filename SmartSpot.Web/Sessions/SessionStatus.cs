namespace SmartSpot.Web.Sessions;

/// <summary>Where an analysis is in its life.</summary>
public enum SessionStatus
{
    /// <summary>Waiting for a free analysis slot (or for the demo lot to be generated).</summary>
    Queued,
    Running,
    Paused,
    Completed,

    /// <summary>Stopped by the operator; what was analysed is kept.</summary>
    Stopped,

    /// <summary>Could not be analysed; the session's error says why.</summary>
    Failed,

    /// <summary>SmartSpot stopped while it ran; it can be restarted from its stored files.</summary>
    Interrupted,
}
