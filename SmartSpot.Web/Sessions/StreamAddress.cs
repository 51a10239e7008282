using SmartSpot.Vision;
using SmartSpot.Vision.Frames;

namespace SmartSpot.Web.Sessions;

/// <summary>The one check of a camera URL given by an operator (start page or API), before anything connects to it.</summary>
public static class StreamAddress
{
    /// <summary>Longest URL accepted. 2048: any camera's address with a token fits.</summary>
    public const int MaxLength = 2048;

    /// <summary>The URL, trimmed; throws <see cref="InvalidInputException"/> (credentials masked) when it is no stream address.</summary>
    public static Uri Parse(string? text)
    {
        var url = text?.Trim() ?? "";
        if (url.Length == 0)
        {
            throw new InvalidInputException("The camera URL is empty: give the stream's address, e.g. rtsp://camera.local/stream.");
        }
        if (url.Length > MaxLength)
        {
            throw new InvalidInputException($"The camera URL is longer than {MaxLength} characters; check that it is the stream's address.");
        }
        if (!UrlCredentials.IsStreamUrl(url) || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            || !Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Host.Length == 0)
        {
            var shown = UrlCredentials.Mask(url);
            throw new InvalidInputException(
                $"'{(shown.Length <= 80 ? shown : shown[..80] + "…")}' is not a camera stream URL: give an rtsp://, rtsps://, http:// or https:// address (MPEG-TS, HLS or MJPEG over HTTP).");
        }
        return address;
    }

    /// <summary>Like <see cref="Parse"/> for an address that may be left out (a lot's camera): null when blank, else the trimmed URL.</summary>
    public static string? ParseOptional(string? text) => string.IsNullOrWhiteSpace(text) ? null : Parse(text).OriginalString;
}
