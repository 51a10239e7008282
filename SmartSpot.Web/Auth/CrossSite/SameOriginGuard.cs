namespace SmartSpot.Web.Auth.CrossSite;

/// <summary>
/// Refuses (403) a state-changing request, or a WebSocket opening, that a page of another origin made: its
/// <c>Origin</c>, or when a browser sent none its <c>Sec-Fetch-Site</c> or <c>Referer</c>, names another origin.
/// A request with none of them (curl, a script with an API key) is not from a browser page and passes. Ports count:
/// a page on another port of the same host is another origin, although its cookies are the same site's.
/// </summary>
public sealed class SameOriginGuard(RequestDelegate next, ILogger<SameOriginGuard> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!ChangesState(context) || ForeignSource(context.Request) is not { } source) return next(context);
        logger.LogWarning("Refused {Method} {Path} from another site ({Source}).", context.Request.Method, context.Request.Path, source);
        return AuthProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Cross-site request refused",
            $"SmartSpot refuses changes requested by a page of another site ({source}). Use the dashboard itself, or call the API from a script with an API key.");
    }

    /// <summary>The other origin a browser says the request came from; null when it came from this app's own pages, or not from a browser page.</summary>
    public static string? ForeignSource(HttpRequest request)
    {
        if (request.Headers.Origin is [{ Length: > 0 } origin])
        {
            return IsOwn(origin, request) ? null : origin;
        }
        if (request.Headers["Sec-Fetch-Site"] is [{ Length: > 0 } site])
        {
            return site is "same-origin" or "none" ? null : $"Sec-Fetch-Site: {site}";
        }
        if (request.Headers.Referer is [{ Length: > 0 } referer])
        {
            return IsOwn(referer, request) ? null : referer;
        }
        return null;
    }

    private static bool ChangesState(HttpContext context) =>
        !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        || context.WebSockets.IsWebSocketRequest;

    /// <summary>Whether <paramref name="url"/> (an origin or a full URL) has this request's scheme, host and port.</summary>
    private static bool IsOwn(string url, HttpRequest request)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var source) || !request.Host.HasValue) return false;
        var ownPort = request.Host.Port ?? (request.IsHttps ? 443 : 80);
        return string.Equals(source.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(source.Host.Trim('[', ']'), request.Host.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
            && source.Port == ownPort;
    }
}
