using System.Net;
using SmartSpot.Web.Storage;

namespace SmartSpot.Web.Auth;

/// <summary>Sign-in may be off only while SmartSpot listens on loopback addresses: otherwise anyone on the network would be its administrator.</summary>
public static class ListenAddressCheck
{
    /// <summary>Throws <see cref="StartupRefusedException"/> when sign-in is off and a configured address is not loopback.</summary>
    public static void EnsureAllowed(IConfiguration configuration, AuthOptions auth)
    {
        if (auth.Enabled) return;
        var exposed = ListenUrls(configuration).Where(url => !IsLoopback(url)).ToList();
        if (exposed.Count > 0)
        {
            throw new StartupRefusedException(
                $"Sign-in is off (SmartSpot:Auth:Enabled=false) but SmartSpot would listen on {string.Join(", ", exposed)}, which other machines can reach, and anyone there could control it. Turn sign-in on, or listen on loopback only (--urls http://127.0.0.1:5000).");
        }
    }

    /// <summary>The addresses Kestrel will listen on: <c>urls</c> (--urls, ASPNETCORE_URLS) and every <c>Kestrel:Endpoints:*:Url</c>; the port settings when no URL is set.</summary>
    public static IEnumerable<string> ListenUrls(IConfiguration configuration)
    {
        var urls = (configuration[WebHostDefaults.ServerUrlsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Url"]).OfType<string>();
        var ports = urls.Length > 0 ? [] : new[] { ("http", configuration[WebHostDefaults.HttpPortsKey]), ("https", configuration[WebHostDefaults.HttpsPortsKey]) }
            .SelectMany(setting => (setting.Item2 ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(port => $"{setting.Item1}://*:{port.Trim()}"));
        return urls.Concat(endpoints).Concat(ports);
    }

    /// <summary>Whether the URL's host is <c>localhost</c> or a loopback IP; wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) and other names are not.</summary>
    public static bool IsLoopback(string url)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0 ? scheme + 3 : 0)..];
        var host = rest.StartsWith('[') ? rest[..(rest.IndexOf(']') + 1)] : rest.Split(':', '/')[0];
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
