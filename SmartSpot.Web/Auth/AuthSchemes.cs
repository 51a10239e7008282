using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SmartSpot.Web.Auth.ApiKeys;

namespace SmartSpot.Web.Auth;

/// <summary>The authentication schemes and how a request picks one: an API key header, else the sign-in cookie; everything is the local administrator when sign-in is off.</summary>
public static class AuthSchemes
{
    /// <summary>The default scheme: forwards to one of the others per request (<see cref="Select"/>).</summary>
    public const string Default = "SmartSpot";

    public const string ApiKey = "ApiKey";

    public const string NoSignIn = "NoSignIn";

    public static string Select(HttpContext context)
    {
        if (!context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.Enabled) return NoSignIn;
        return ApiKeySecret.IsPresent(context.Request) ? ApiKey : IdentityConstants.ApplicationScheme;
    }
}
