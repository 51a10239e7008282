using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Vision.Frames;

/// <summary>How a live stream (RTSP/HTTP camera) is watched and reconnected.</summary>
public sealed record LiveStreamOptions
{
    /// <summary>Seconds without a frame after which the stream counts as stalled and FFmpeg is restarted. Default 10: above any camera's keyframe gap.</summary>
    [Range(1, 600)]
    public double StallSeconds { get; init; } = 10;

    /// <summary>Seconds FFmpeg waits for the camera to answer a connection or a read. Default 10.</summary>
    [Range(1, 120)]
    public double ConnectTimeoutSeconds { get; init; } = 10;

    /// <summary>Seconds of reconnecting after which the stream counts as offline (it keeps retrying every 30 s). Default 60.</summary>
    [Range(1, 86_400)]
    public double OfflineAfterSeconds { get; init; } = 60;

    /// <summary>
    /// Memory for decoded frames waiting for the analysis, per stream, in MB. Default 40: about a second of 720p
    /// (30 frames of 1280x720 at 30 fps), so a burst of work (every spot changing at once) is absorbed instead of
    /// dropping frames; the analysis then runs at most that far behind the camera. Frames that find it full are dropped
    /// and counted. At least <see cref="FrameSourceOptions.ReadAhead"/> frames are kept whatever the size.
    /// </summary>
    [Range(1, 1024)]
    public int BufferMegabytes { get; init; } = 40;

    /// <summary>How many frames of <paramref name="frameBytes"/> bytes the buffer holds: <see cref="BufferMegabytes"/>' worth, at least <paramref name="minimum"/>, at most 300.</summary>
    public int BufferFrames(int frameBytes, int minimum) =>
        (int)Math.Clamp(BufferMegabytes * 1024L * 1024L / frameBytes, minimum, Math.Max(minimum, 300));
}
