using System.Security.Cryptography;

namespace SmartSpot.Web.Auth.CrossSite;

/// <summary>
/// Sets the security headers on every response (pages, API, static files, errors): a Content-Security-Policy with a
/// fresh script nonce, nosniff, a same-origin Referrer-Policy and no framing. Set when the response starts, so that an
/// error page that cleared the headers gets them too.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private static readonly object NonceKey = new();

    /// <summary>
    /// Scripts only from this origin, plus the one inline import map Blazor renders (by its nonce); no eval. Styles from
    /// this origin and inline: MudBlazor's theme is a style element and its components, like Blazor's renderer, set
    /// style attributes (a style cannot run script). Images from this origin plus data: (icons) and blob: (the live
    /// frame). Connections (the Blazor circuit's WebSocket) to this origin only; forms post only here; no plugins, no
    /// base-URL change, and no page may frame the dashboard.
    /// </summary>
    public static string Policy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; form-action 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /// <summary>This request's script nonce, for the import map in App.razor.</summary>
    public static string NonceOf(HttpContext context) => (string)context.Items[NonceKey]!;

    public Task InvokeAsync(HttpContext context)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
