namespace SmartSpot.Web.Auth.Accounts;

/// <summary>Where to go after signing in: the page that asked, if it is a path of this app (never another site).</summary>
public static class LocalUrl
{
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && Uri.IsWellFormedUriString(url, UriKind.Relative)
            ? url
            : "/";
}
