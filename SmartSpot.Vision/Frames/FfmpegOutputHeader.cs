using System.Globalization;
using System.Text.RegularExpressions;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Frames;

/// <summary>
/// Reads the picture size and frame rate from the line where ffmpeg announces its raw output
/// (<c>Stream #0:0: Video: rawvideo (I420 / 0x30323449), yuv420p, 1280x720 [SAR 1:1 DAR 16:9], q=2-31, 331776 kb/s, 30 fps, 30 tbn</c>).
/// A live stream is described this way, by the one connection that also decodes it: a camera that serves one client
/// at a time, or a slow RTSP handshake, is not asked twice.
/// </summary>
internal static partial class FfmpegOutputHeader
{
    /// <returns>The frame size, and the frame rate (0 when ffmpeg gives none).</returns>
    public static (PixelSize Size, double Fps)? Parse(string? line)
    {
        if (line is null || Size().Match(line) is not { Success: true } size) return null;
        var fps = Fps().Match(line) is { Success: true } rate
            ? double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture) * (rate.Groups[2].Value == "k" ? 1000 : 1)
            : 0;
        return (new PixelSize(int.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture)), fps);
    }

    [GeneratedRegex(@", (\d{1,6})x(\d{1,6})\b")]
    private static partial Regex Size();

    [GeneratedRegex(@", (\d+(?:\.\d+)?)(k?) fps\b")]
    private static partial Regex Fps();
}
