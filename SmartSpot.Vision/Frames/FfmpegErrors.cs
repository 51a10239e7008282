using System.Text.RegularExpressions;

namespace SmartSpot.Vision.Frames;

/// <summary>Turns what FFmpeg and ffprobe write to stderr into one clear sentence: what is wrong with the input and what to do.</summary>
internal static partial class FfmpegErrors
{
    /// <param name="stderr">The tool's last stderr lines.</param>
    /// <param name="source">The video as the operator named it (a file, or a URL with its credentials masked).</param>
    /// <param name="maxPixels">The pixel limit FFmpeg was given, for the message when a picture exceeds it.</param>
    public static string Explain(IReadOnlyList<string> stderr, string source, long maxPixels)
    {
        var text = string.Join('\n', stderr);
        if (OverPixelLimit().Match(text) is { Success: true } over)
        {
            var (width, height) = (long.Parse(over.Groups[1].Value), long.Parse(over.Groups[2].Value));
            return VideoLimits.OverPixelLimit(source, width, height, maxPixels);
        }
        var reason = Has(text, "401 Unauthorized") || Has(text, "authorization failed")
                ? $"The camera at '{source}' refused the credentials (401 Unauthorized). Check the user name and password in the URL."
            : Has(text, "403 Forbidden")
                ? $"The camera at '{source}' refused access (403 Forbidden). Check that this user may view the stream."
            : Has(text, "404 Not Found")
                ? $"'{source}' has no stream at that path (404 Not Found). Check the path in the URL (see the camera's manual)."
            : Has(text, "Connection refused")
                ? $"Nothing accepts connections at '{source}' (connection refused). Check the host and port, and that the camera is on."
            : Has(text, "Failed to resolve hostname") || Has(text, "Name or service not known") || Has(text, "Temporary failure in name resolution")
                ? $"The host of '{source}' is unknown. Check the address in the URL."
            : Has(text, "timed out") || Has(text, "Connection timed out")
                ? $"'{source}' did not answer in time. Check the address and the network between SmartSpot and the camera."
            : Has(text, "Protocol not found")
                ? $"'{source}' uses a protocol SmartSpot cannot read. Use an rtsp://, rtsps://, http:// or https:// URL, or a video file."
            : Has(text, "moov atom not found")
                ? $"The video '{source}' is truncated: its index (the MP4 'moov' atom) is missing. Copy or upload the complete file again."
            : UnknownDecoder().Match(text) is { Success: true } codec
                ? $"The video '{source}' uses a video codec ({codec.Groups[1].Value}) that FFmpeg cannot decode. Convert it to H.264, e.g. ffmpeg -i IN -c:v libx264 OUT.mp4."
            : Has(text, "matches no streams") || Has(text, "does not contain any stream")
                ? $"'{source}' has no video track. Use a video from the lot camera."
            : Has(text, "Invalid data found when processing input")
                ? NotAVideo(source)
            : Has(text, "End of file")
                ? $"The stream '{source}' ended."
            : null;
        return reason ?? $"FFmpeg could not read '{source}': {LastMessage(stderr)}";
    }

    /// <summary>The message for a file FFmpeg recognises as no video at all.</summary>
    public static string NotAVideo(string source) =>
        $"'{source}' is not a video that can be decoded (or it is truncated or damaged). Use an MP4/AVI/MKV file or a stream from the camera.";

    private static bool Has(string text, string phrase) => text.Contains(phrase, StringComparison.OrdinalIgnoreCase);

    /// <summary>The last line that says something, masked, without FFmpeg's "[demuxer @ 0x...]" prefix.</summary>
    private static string LastMessage(IReadOnlyList<string> stderr)
    {
        var last = stderr.LastOrDefault(line => !string.IsNullOrWhiteSpace(line) && !line.StartsWith(' ')) ?? "it stopped without saying why";
        return UrlCredentials.Mask(ContextPrefix().Replace(last, "").Trim());
    }

    [GeneratedRegex(@"Picture size (\d+)x(\d+) exceeds specified max pixel count")]
    private static partial Regex OverPixelLimit();

    [GeneratedRegex(@"Decoder \(codec (\S+)\) not found")]
    private static partial Regex UnknownDecoder();

    [GeneratedRegex(@"^(\[[^\]]+\]\s*)+")]
    private static partial Regex ContextPrefix();
}
