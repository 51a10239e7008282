using System.ComponentModel.DataAnnotations;
using System.Net;

namespace SmartSpot.Web.Auth;

/// <summary>Sign-in, sessions, lockout and trusted proxies; bound from <c>SmartSpot:Auth</c>.</summary>
public sealed record AuthOptions : IValidatableObject
{
    public const string Section = "SmartSpot:Auth";

    /// <summary>Every page and API endpoint needs a signed-in user or an API key. Default true; false is refused unless the server listens on loopback only (then everyone who reaches it is an administrator).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>How long a sign-in lasts without a request; every request renews it (sliding). Default 8 hours: a working day.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromHours(8);

    /// <summary>Failed sign-ins in a row that lock the account. Default 5: enough for typos, too few to guess a password.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; init; } = 5;

    /// <summary>How long a locked account stays locked (an administrator can unlock it sooner). Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Shortest password accepted. Default 10 characters, no composition rules (NIST SP 800-63B: length, not symbols).</summary>
    [Range(8, 128)]
    public int MinPasswordLength { get; init; } = 10;

    /// <summary>How soon an open page notices that its user was deleted, locked, given another role or a new password. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan RevalidationInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Audit entries older than this are deleted at start. Default 365 days.</summary>
    [Range(1, 36_500)]
    public int AuditRetentionDays { get; init; } = 365;

    /// <summary>Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: IP addresses or networks (CIDR), comma separated. Default none: the headers are ignored.</summary>
    public string TrustedProxies { get; init; } = "";

    /// <summary>The parsed <see cref="TrustedProxies"/>; a single address is a /32 (or /128) network.</summary>
    public IReadOnlyList<IPNetwork> TrustedProxyNetworks => Split(TrustedProxies).Select(entry => IPNetwork.Parse(entry.Contains('/') ? entry : Single(entry))).ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var entry in Split(TrustedProxies))
        {
            if (!IPNetwork.TryParse(entry.Contains('/') ? entry : Single(entry), out _))
            {
                yield return new ValidationResult(
                    $"'{entry}' is not an IP address or network (like 10.0.0.5 or 10.0.0.0/24); list the reverse proxies' addresses, comma separated.", [nameof(TrustedProxies)]);
            }
        }
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Single(string address) =>
        IPAddress.TryParse(address, out var ip) ? $"{address}/{(ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32)}" : address;
}
