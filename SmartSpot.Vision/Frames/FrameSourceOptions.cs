using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Vision.Frames;

/// <summary>How a frame source reads its video, and what it refuses before decoding.</summary>
public sealed record FrameSourceOptions
{
    /// <summary>Yield every Nth frame (1 = every frame). Default 1: the analysis sees everything.</summary>
    [Range(1, 1000)]
    public int AnalyzeEvery { get; init; } = 1;

    /// <summary>
    /// Frames decoded ahead of the analysis. Default 8 (11 MB at 720p): FFmpeg keeps decoding through the frames where many
    /// spots are classified at once, instead of waiting on a full pipe; 7 % more frames/s than 2 on lot-a 720p (README).
    /// </summary>
    [Range(1, 16)]
    public int ReadAhead { get; init; } = 8;

    /// <summary>Largest picture accepted, in pixels; checked from the header before decoding. Default 33,177,600 (8K UHD, 7680x4320).</summary>
    [Range(1, 1_000_000_000)]
    public long MaxPixels { get; init; } = 7680L * 4320;

    /// <summary>Lowest frame rate accepted. Default 0.1 (a frame every 10 s, time-lapse cameras); below it a header is taken as broken.</summary>
    [Range(0.001, 1000)]
    public double MinFps { get; init; } = 0.1;

    /// <summary>Highest frame rate accepted. Default 240; above it a header is taken as broken.</summary>
    [Range(1, 10_000)]
    public double MaxFps { get; init; } = 240;

    /// <summary>
    /// Decoder threads FFmpeg uses for a video file. Default 2: on a 2-core machine frame threading keeps both cores
    /// decoding while the analysis runs between frames (measured in the README); more threads only add frames in flight.
    /// </summary>
    [Range(1, 16)]
    public int FileDecoderThreads { get; init; } = 2;

    /// <summary>Decoder threads per live stream. Default 1: a stream arrives in real time, one core decodes it many times over, and several streams share the cores.</summary>
    [Range(1, 16)]
    public int LiveDecoderThreads { get; init; } = 1;

    /// <summary>
    /// Skip the codec's in-loop deblocking filter (H.264, HEVC). Default true: it saves about a sixth of FFmpeg's decoding
    /// CPU and the verdicts do not move (the lot-a agreement is the same with and without; see the README). Set false
    /// for a camera whose picture is so compressed that the blocks themselves look like changes.
    /// </summary>
    public bool SkipLoopFilter { get; init; } = true;

    /// <summary>The ffmpeg program (a name on PATH or a path).</summary>
    [Required]
    public string FfmpegPath { get; init; } = "ffmpeg";

    /// <summary>The ffprobe program (a name on PATH or a path).</summary>
    [Required]
    public string FfprobePath { get; init; } = "ffprobe";

    /// <summary>How live streams are watched and reconnected.</summary>
    public LiveStreamOptions Live { get; init; } = new();
}
