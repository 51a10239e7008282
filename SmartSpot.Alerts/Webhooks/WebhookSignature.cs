using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmartSpot.Alerts.Webhooks;

/// <summary>The webhook's signature header: <c>X-SmartSpot-Signature: t=UNIX_SECONDS,v1=HEX</c>, where HEX is the lower-case
/// HMAC-SHA256, keyed with the shared secret (UTF-8), of the ASCII bytes <c>"{t}."</c> followed by the raw request body.</summary>
/// <remarks>A receiver recomputes the HMAC over the body bytes exactly as received, compares it in constant time and refuses a
/// timestamp further than its tolerance (5 min is usual) from its own clock, so a captured request cannot be replayed later.
/// Each retry is signed afresh. <see cref="Verify"/> does all of this for .NET receivers.</remarks>
public static class WebhookSignature
{
    public const string HeaderName = "X-SmartSpot-Signature";

    /// <summary>The usual receiver tolerance for the timestamp.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string Create(string secret, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        var seconds = timestamp.ToUnixTimeSeconds();
        return $"t={seconds.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(Mac(secret, seconds, body))}";
    }

    /// <summary>True when <paramref name="header"/> is well formed, its timestamp is within <paramref name="tolerance"/> of
    /// <paramref name="now"/> and its MAC matches <paramref name="body"/>.</summary>
    public static bool Verify(string? header, string secret, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!TryParse(header, out var seconds, out var mac)) return false;
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds) return false;
        return CryptographicOperations.FixedTimeEquals(mac, Mac(secret, seconds, body));
    }

    private static byte[] Mac(string secret, long seconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(seconds.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }

    private static bool TryParse(string? header, out long seconds, out byte[] mac)
    {
        seconds = 0;
        mac = [];
        string? t = null, v1 = null;
        foreach (var part in (header ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal)) t = part[2..];
            else if (part.StartsWith("v1=", StringComparison.Ordinal)) v1 = part[3..];
        }
        if (t is null || v1 is null || v1.Length != 64 || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out seconds)) return false;
        try
        {
            mac = Convert.FromHexString(v1);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
