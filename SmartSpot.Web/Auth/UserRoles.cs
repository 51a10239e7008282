namespace SmartSpot.Web.Auth;

/// <summary>
/// The three roles, least to most allowed. Each name is also the policy that admits that role and every role above
/// it: protect an endpoint group with <c>.RequireAuthorization(UserRoles.Operator)</c> and a page with
/// <c>@attribute [Authorize(Policy = UserRoles.Operator)]</c> (not <c>Roles =</c>, which would leave admins out).
/// </summary>
public static class UserRoles
{
    /// <summary>Watches live analyses, the history and its exports.</summary>
    public const string Viewer = "viewer";

    /// <summary>Also uploads, starts, pauses, resumes, stops and restarts analyses.</summary>
    public const string Operator = "operator";

    /// <summary>Also manages users and API keys and reads the audit log.</summary>
    public const string Admin = "admin";

    /// <summary>Least to most allowed.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, Operator, Admin];

    /// <summary>The roles that <paramref name="role"/>'s policy admits: itself and those above it.</summary>
    public static string[] AtLeast(string role) => All.SkipWhile(candidate => candidate != role).ToArray();

    public static bool IsRole(string? role) => role is not null && All.Contains(role);
}
