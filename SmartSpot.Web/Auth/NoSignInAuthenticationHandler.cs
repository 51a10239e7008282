using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SmartSpot.Web.Auth;

/// <summary>With <c>SmartSpot:Auth:Enabled=false</c> (loopback only): every request is the local administrator.</summary>
public sealed class NoSignInAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(Principals.NoSignIn(Scheme.Name), Scheme.Name)));
}
