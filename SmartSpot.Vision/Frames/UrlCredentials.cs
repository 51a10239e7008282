using System.Text.RegularExpressions;

namespace SmartSpot.Vision.Frames;

/// <summary>Hides the credentials of camera URLs in any text (a URL, an FFmpeg message, a log line): the one masking function.</summary>
public static partial class UrlCredentials
{
    private const string Hidden = "***";

    /// <summary>
    /// <c>rtsp://admin:secret@cam/live?token=abc</c> becomes <c>rtsp://***@cam/live?token=***</c>: the user-info part of
    /// every URL and the values of query keys that carry secrets (password, pass, pwd, user, username, token, auth, key, signature).
    /// </summary>
    public static string Mask(string text) =>
        SecretQueryValue().Replace(UserInfo().Replace(text, $"$1{Hidden}@"), $"$1{Hidden}");

    /// <summary>True when <see cref="Mask"/> has hidden something in the text: the credentials are gone from it.</summary>
    public static bool IsMasked(string text) => text.Contains($"{Hidden}@", StringComparison.Ordinal) || text.Contains($"={Hidden}", StringComparison.Ordinal);

    /// <summary>True when the text names a network stream (rtsp, rtsps, http, https) rather than a file.</summary>
    public static bool IsStreamUrl(string text) => StreamScheme().IsMatch(text);

    [GeneratedRegex(@"\b([a-z][a-z0-9+.\-]*://)[^/\s@]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"([?&;](?:password|passwd|pass|pwd|user|username|login|token|auth|key|apikey|api_key|secret|signature)=)[^&;#\s]*", RegexOptions.IgnoreCase)]
    private static partial Regex SecretQueryValue();

    [GeneratedRegex(@"^(rtsps?|https?)://", RegexOptions.IgnoreCase)]
    private static partial Regex StreamScheme();
}
