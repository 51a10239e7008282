using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SmartSpot.Web.Auth.ApiKeys;

/// <summary>Authenticates a request by its API key (<c>X-Api-Key</c> or <c>Authorization: Bearer</c>) as the key's name and role; an unknown or revoked key gets 401.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ApiKeySecret.Read(Request) is not { } secret) return AuthenticateResult.NoResult();
        var key = await keys.FindActiveAsync(secret, Context.RequestAborted);
        return key is null
            ? AuthenticateResult.Fail("unknown or revoked API key")
            : AuthenticateResult.Success(new AuthenticationTicket(Principals.ForApiKey(key, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AuthProblems.UnauthorizedAsync(Context, ApiKeySecret.Read(Request) is null
            ? AuthProblems.SignInRequired
            : "The API key is not valid: it is unknown, mistyped or was revoked. Ask an administrator for a new one (API keys page).");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AuthProblems.ForbiddenAsync(Context);
}
