using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using MudBlazor;
using MudBlazor.Services;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Auth.Accounts;

namespace SmartSpot.Tests.Web.Components.Auth;

/// <summary>The app bar's account corner (a BunitContext of its own: the signed-in user has to be set before MudBlazor's first render).</summary>
public sealed class UserMenuTests : BunitContext
{
    [Fact]
    public void Render_SignInOff_ShowsTheNoSignInBadgeAndNoMenu()
    {
        var sut = RenderAs(user => user.SetAuthorized(Principals.NoSignInName).SetRoles(UserRoles.Admin)
            .SetClaims(new Claim(Principals.KindClaim, Principals.NoSignInKind)));

        Assert.Contains("no sign-in", sut.Find("[data-testid=no-sign-in-badge]").TextContent);
        Assert.Empty(sut.FindAll("[data-testid=user-menu-button]"));
    }

    [Fact]
    public void Render_SignedInUser_ShowsTheirNameAndNoBadge()
    {
        var sut = RenderAs(user => user.SetAuthorized("maria").SetRoles(UserRoles.Operator));

        Assert.Contains("maria", sut.Find("[data-testid=user-menu-button]").TextContent);
        Assert.Empty(sut.FindAll("[data-testid=no-sign-in-badge]"));
    }

    private IRenderedComponent<UserMenu> RenderAs(Action<BunitAuthorizationContext> signIn)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        signIn(AddAuthorization());
        Render<MudPopoverProvider>();
        return Render<UserMenu>();
    }
}
