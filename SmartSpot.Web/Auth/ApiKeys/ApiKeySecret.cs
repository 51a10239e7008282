using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SmartSpot.Web.Auth.ApiKeys;

/// <summary>
/// An API key's secret: 32 random bytes (256 bits) as base64url behind <c>ssk_</c>, stored only as its SHA-256 hash.
/// A fast hash is right for a key of this entropy (a slow one protects guessable human passwords; nobody can try 2^256
/// keys at any speed), and it lets every request find its key by the hash through an index.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "ssk_";

    public const string HeaderName = "X-Api-Key";

    /// <summary>How many leading characters the key list shows.</summary>
    public const int ShownLength = 12;

    public static string Create() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool IsPresent(HttpRequest request) =>
        request.Headers.ContainsKey(HeaderName) || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>The key of <c>X-Api-Key</c> or <c>Authorization: Bearer</c>; null when neither is sent.</summary>
    public static string? Read(HttpRequest request)
    {
        if (request.Headers[HeaderName] is [{ Length: > 0 } key]) return key.Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}
