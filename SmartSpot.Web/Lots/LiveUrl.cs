using SmartSpot.Vision;

namespace SmartSpot.Web.Lots;

/// <summary>The one check of a camera's live stream address, as a lot keeps it for live analysis.</summary>
public static class LiveUrl
{
    /// <summary>Longest address kept. 2,000: any camera URL with credentials and query fits.</summary>
    public const int MaxLength = 2000;

    private static readonly string[] Schemes = ["rtsp", "rtsps", "http", "https"];

    /// <summary>The address trimmed, or null for none; throws <see cref="InvalidInputException"/> for anything that is not an rtsp(s) or http(s) URL.</summary>
    public static string? Check(string? url)
    {
        var trimmed = url?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > MaxLength || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || !Schemes.Contains(uri.Scheme) || uri.Host.Length == 0)
        {
            throw new InvalidInputException("The live camera address must be an rtsp://, rtsps://, http:// or https:// URL with a host, e.g. rtsp://192.168.1.20:554/stream1.");
        }
        return trimmed;
    }
}
