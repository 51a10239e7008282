using System.Security.Claims;
using SmartSpot.Web.Auth.ApiKeys;

namespace SmartSpot.Web.Auth;

/// <summary>Who a request or a page acts as: a signed-in user, an API key or, with sign-in off, the local administrator; and the name the audit log gives them.</summary>
public static class Principals
{
    /// <summary>Marks a principal that is not a signed-in user: <see cref="ApiKeyKind"/> or <see cref="NoSignInKind"/>.</summary>
    public const string KindClaim = "smartspot:kind";

    public const string ApiKeyKind = "api-key";

    public const string NoSignInKind = "no-sign-in";

    /// <summary>The name of everyone when sign-in is off.</summary>
    public const string NoSignInName = "local (sign-in off)";

    public static ClaimsPrincipal ForApiKey(ApiKeyEntity key, string scheme) => new(new ClaimsIdentity(
        [new(ClaimTypes.Name, key.Name), new(ClaimTypes.Role, key.Role), new(KindClaim, ApiKeyKind), new(ClaimTypes.NameIdentifier, $"api-key:{key.Id}")],
        scheme));

    public static ClaimsPrincipal NoSignIn(string scheme) => new(new ClaimsIdentity(
        [new(ClaimTypes.Name, NoSignInName), new(ClaimTypes.Role, UserRoles.Admin), new(KindClaim, NoSignInKind)],
        scheme));

    /// <summary>A user who signed in with a password (not an API key, not sign-in off).</summary>
    public static bool IsSignedInUser(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && !user.HasClaim(claim => claim.Type == KindClaim);

    public static bool IsNoSignIn(ClaimsPrincipal user) => user.HasClaim(KindClaim, NoSignInKind);

    /// <summary>The principal's highest role, or null.</summary>
    public static string? RoleOf(ClaimsPrincipal user) => UserRoles.All.LastOrDefault(user.IsInRole);

    /// <summary>How the audit log names the principal.</summary>
    public static string ActorOf(ClaimsPrincipal? user) => user switch
    {
        null or { Identity.IsAuthenticated: not true } => "anonymous",
        _ when user.HasClaim(KindClaim, ApiKeyKind) => $"API key '{user.Identity?.Name}'",
        _ => user.Identity?.Name ?? "unnamed",
    };
}
