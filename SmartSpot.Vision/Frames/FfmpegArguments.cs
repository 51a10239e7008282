using System.Globalization;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Frames;

/// <summary>The command lines of ffprobe and ffmpeg, in one place.</summary>
internal static class FfmpegArguments
{
    /// <summary>ffprobe: the first video stream's header as JSON, decoding nothing.</summary>
    public static IEnumerable<string> Probe(string path) =>
    [
        "-v", "error", "-skip_frame", "all",
        "-select_streams", "v:0",
        "-show_entries", "stream=codec_name,codec_tag_string,width,height,avg_frame_rate,r_frame_rate,nb_frames,duration:format=duration",
        "-of", "json",
        FileInput(path),
    ];

    /// <summary>
    /// ffmpeg: the first video stream as raw yuv420p frames on stdout, every <paramref name="every"/>th frame only
    /// (the others are decoded but never copied through the pipe), an odd last row or column dropped (4:2:0 chroma
    /// covers pixel pairs), scaled to <paramref name="size"/> when given (a camera that changed its resolution).
    /// Pictures over the pixel limit are refused by the decoder itself. With <paramref name="only"/>, just those frames (by number) instead.
    /// </summary>
    public static IEnumerable<string> Decode(string input, bool live, int every, PixelSize? size, FrameSourceOptions options, IReadOnlyList<int>? only = null)
    {
        var arguments = new List<string>
        {
            "-hide_banner", "-nostdin", "-nostats", "-loglevel", "info",
            "-threads", Text(live ? options.LiveDecoderThreads : options.FileDecoderThreads),
            "-max_pixels", Text(Math.Min(options.MaxPixels, int.MaxValue)),
        };
        if (options.SkipLoopFilter) arguments.AddRange(["-skip_loop_filter", "all"]);
        if (live) arguments.AddRange(LiveInput(input, options.Live));
        arguments.AddRange(["-i", live ? input : FileInput(input), "-map", "0:v:0", "-an", "-sn", "-dn"]);
        var filters = new List<string>();
        if (only is not null) filters.Add($"select={string.Join('+', only.Select(index => $"eq(n\\,{Text(index)})"))}");
        else if (every > 1) filters.Add($"select=not(mod(n\\,{every}))");
        filters.Add("crop=trunc(iw/2)*2:trunc(ih/2)*2");
        if (size is { } fixedSize) filters.Add($"scale={fixedSize.Width}:{fixedSize.Height}");
        arguments.AddRange(["-vf", string.Join(',', filters), "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "yuv420p", "pipe:1"]);
        return arguments;
    }

    /// <summary>Timeouts in microseconds, as FFmpeg counts them; RTSP over TCP (UDP loses packets, and with them whole frames).</summary>
    private static IEnumerable<string> LiveInput(string url, LiveStreamOptions options)
    {
        var timeout = Text((long)(options.ConnectTimeoutSeconds * 1_000_000));
        // A second of probing, not FFmpeg's default five: the first frames come sooner after every reconnect.
        string[] probe = ["-analyzeduration", "1000000"];
        return url.StartsWith("rtsp", StringComparison.OrdinalIgnoreCase)
            ? [.. probe, "-rtsp_transport", "tcp", "-timeout", timeout]
            : [.. probe, "-rw_timeout", timeout];
    }

    /// <summary>A file path FFmpeg never takes for a protocol ("concat:", "http:" ...).</summary>
    private static string FileInput(string path) => "file:" + path;

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
