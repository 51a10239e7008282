namespace SmartSpot.Vision.Frames;

/// <summary>Whether a live stream delivers frames.</summary>
public enum StreamStatus
{
    /// <summary>Frames arrive.</summary>
    Live,

    /// <summary>The stream dropped or stalled; FFmpeg is being restarted with a growing pause (1, 2, 5, 10, 30 s).</summary>
    Reconnecting,

    /// <summary>Reconnecting for longer than <see cref="LiveStreamOptions.OfflineAfterSeconds"/>; still retrying every 30 s.</summary>
    Offline,
}
