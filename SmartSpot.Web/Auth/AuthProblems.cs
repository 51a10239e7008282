namespace SmartSpot.Web.Auth;

/// <summary>The answers of authentication and the cross-site guard: problem details with the message also in <c>error</c>, as every API error.</summary>
public static class AuthProblems
{
    public const string SignInRequired =
        "Sign in first, or send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>' (an administrator creates keys on the API keys page).";

    public static Task WriteAsync(HttpContext context, int status, string title, string message) =>
        TypedResults.Problem(message, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["error"] = message })
            .ExecuteAsync(context);

    public static Task UnauthorizedAsync(HttpContext context, string message)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"SmartSpot\"";
        return WriteAsync(context, StatusCodes.Status401Unauthorized, "Sign-in required", message);
    }

    public static Task ForbiddenAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "Not allowed for this role",
            $"Your role ({Principals.RoleOf(context.User) ?? "none"}) does not allow this; it needs an operator (or, for users and keys, an administrator).");

    /// <summary>A request a browser makes for a page (which gets redirected to the sign-in page rather than a 401).</summary>
    public static bool IsPageRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Path.StartsWithSegments("/api")
        && !request.Path.StartsWithSegments("/_blazor");
}
