using System.Security.Claims;
using Bunit;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Auth.Accounts;

namespace SmartSpot.Tests.Web.Components.Auth;

public sealed class UserMenuTests : MudTestContext
{
    [Fact]
    public void Render_SignInOff_ShowsTheNoSignInBadgeAndNoMenu()
    {
        AddAuthorization().SetAuthorized(Principals.NoSignInName).SetRoles(UserRoles.Admin).SetClaims(new Claim(Principals.KindClaim, Principals.NoSignInKind));

        var sut = Render<UserMenu>();

        Assert.Contains("no sign-in", sut.Find("[data-testid=no-sign-in-badge]").TextContent);
        Assert.Empty(sut.FindAll("[data-testid=user-menu-button]"));
    }

    [Fact]
    public void Render_SignedInUser_ShowsTheirNameAndNoBadge()
    {
        AddAuthorization().SetAuthorized("maria").SetRoles(UserRoles.Operator);

        var sut = Render<UserMenu>();

        Assert.Contains("maria", sut.Find("[data-testid=user-menu-button]").TextContent);
        Assert.Empty(sut.FindAll("[data-testid=no-sign-in-badge]"));
    }
}
