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
}
