using System.Globalization;
using System.Text.Json;

namespace SmartSpot.Vision.Frames;

/// <summary>
/// Reads a video file's size, frame rate and announced frame count with ffprobe, decoding nothing
/// (<c>-skip_frame all</c>: a 15008x15008 H.264 file is described in 55 MB instead of decoded in 590 MB).
/// </summary>
internal static class FfprobeReader
{
    public static VideoInfo Read(string path, FrameSourceOptions options)
    {
        using var ffprobe = FfmpegProcess.Start(options.FfprobePath, FfmpegArguments.Probe(path));
        var json = new StreamReader(ffprobe.Output).ReadToEnd();
        if (ffprobe.WaitForExit() != 0)
        {
            // FFmpeg picks the MP4 reader by the name: "moov atom not found" means truncated only if the file starts like an MP4.
            var missingIndex = ffprobe.ErrorTail.Any(line => line.Contains("moov atom not found", StringComparison.Ordinal));
            throw new InvalidInputException(missingIndex && !StartsLikeMp4(path)
                ? FfmpegErrors.NotAVideo(path)
                : FfmpegErrors.Explain(ffprobe.ErrorTail, path, options.MaxPixels));
        }
        using var document = JsonDocument.Parse(json);
        var streams = document.RootElement.TryGetProperty("streams", out var list) ? list : default;
        if (streams.ValueKind != JsonValueKind.Array || streams.GetArrayLength() == 0)
        {
            throw new InvalidInputException($"'{path}' has no video track. Use a video from the lot camera.");
        }
        var stream = streams[0];
        if (!stream.TryGetProperty("codec_name", out _))
        {
            throw new InvalidInputException(
                $"The video '{path}' uses a video codec that FFmpeg does not know ({Text(stream, "codec_tag_string") ?? "no codec tag"}). Convert it to H.264, e.g. ffmpeg -i IN -c:v libx264 OUT.mp4.");
        }
        var fps = Rate(stream, "avg_frame_rate") is > 0 and var average ? average : Rate(stream, "r_frame_rate");
        var width = (int)Math.Min(Number(stream, "width"), int.MaxValue) & ~1;
        var height = (int)Math.Min(Number(stream, "height"), int.MaxValue) & ~1;
        var info = new VideoInfo(path, width, height, fps, FrameCount(stream, document.RootElement, fps));
        VideoLimits.Check(info, options);
        return info;
    }

    /// <summary>An MP4 (ISO media) file starts with a box: 4 bytes of size, then its type.</summary>
    private static bool StartsLikeMp4(string path)
    {
        var head = new byte[8];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length
            && Mp4BoxTypes.Any(type => head.AsSpan(4).SequenceEqual(type));
    }

    private static readonly byte[][] Mp4BoxTypes = [.. new[] { "ftyp", "moov", "mdat", "free", "skip", "wide" }.Select(System.Text.Encoding.ASCII.GetBytes)];

    /// <summary>The container's count; else duration x rate (an estimate: either is checked against the frames read).</summary>
    private static int FrameCount(JsonElement stream, JsonElement root, double fps)
    {
        if (Number(stream, "nb_frames") is > 0 and var frames) return (int)Math.Min(frames, int.MaxValue);
        var duration = Decimal(stream, "duration") ?? (root.TryGetProperty("format", out var format) ? Decimal(format, "duration") : null);
        return duration is > 0 && fps > 0 ? (int)Math.Min(Math.Round(duration.Value * fps), int.MaxValue) : 0;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long Number(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? 0
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number
        : value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var parsed) ? parsed
        : 0;

    private static double? Decimal(JsonElement element, string name) =>
        Text(element, name) is { } text && double.TryParse(text, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>A rate written as "num/den"; 0 when absent or 0/0.</summary>
    private static double Rate(JsonElement element, string name)
    {
        var parts = (Text(element, name) ?? "").Split('/');
        return parts.Length == 2
            && double.TryParse(parts[0], CultureInfo.InvariantCulture, out var numerator)
            && double.TryParse(parts[1], CultureInfo.InvariantCulture, out var denominator)
            && denominator > 0
            ? numerator / denominator
            : 0;
    }
}
