using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SmartSpot.Web.Auth.Accounts;

/// <summary>
/// An open page's sign-in is re-checked every <see cref="AuthOptions.RevalidationInterval"/>: a user who was deleted,
/// locked, given another role or a new password (each renews the security stamp) loses the page and is sent to sign in.
/// </summary>
public sealed class RevalidatingIdentityStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<AuthOptions> auth, IOptions<IdentityOptions> identity)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => auth.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        if (!Principals.IsSignedInUser(principal)) return true; // sign-in off: nobody to re-check
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || await users.IsLockedOutAsync(user)) return false;
        var stamp = principal.FindFirst(identity.Value.ClaimsIdentity.SecurityStampClaimType)?.Value;
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
