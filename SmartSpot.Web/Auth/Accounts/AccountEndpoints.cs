using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SmartSpot.Web.Auth.Audit;

namespace SmartSpot.Web.Auth.Accounts;

/// <summary><c>POST /account/sign-out</c>: a form post (antiforgery-checked, as it binds a form field) that ends the sign-in and returns to the sign-in page.</summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/account/sign-in";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/account/sign-out", SignOutAsync).WithMetadata(new AllowAnonymousAttribute());
        return routes;
    }

    /// <param name="reason">A form field (any value): binding it makes the endpoint check the antiforgery token.</param>
    private static async Task<IResult> SignOutAsync(HttpContext context, SignInManager<IdentityUser> signIn, AuditLog audit, [FromForm] string? reason)
    {
        if (Principals.IsSignedInUser(context.User))
        {
            await audit.RecordAsync(context.User, AuditAction.SignedOut, address: context.Connection.RemoteIpAddress?.ToString());
            await signIn.SignOutAsync();
        }
        return TypedResults.LocalRedirect(SignInPath);
    }
}
