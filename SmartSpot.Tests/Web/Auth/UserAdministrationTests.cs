using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmartSpot.Vision;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Auth.Accounts;

namespace SmartSpot.Tests.Web.Auth;

/// <summary>What the users page does, on the real app and database: roles, resets, locks, deletes, and never losing the last administrator.</summary>
public sealed class UserAdministrationTests : IAsyncLifetime
{
    private readonly SmartSpotAppFactory _app = new(TestPaths.TempDirectory());

    private UserAdministration Sut => _app.Services.GetRequiredService<UserAdministration>();

    [Fact]
    public async Task LastAdministrator_CannotBeDemotedLockedOrDeleted()
    {
        var demote = await Assert.ThrowsAsync<InvalidInputException>(() => Sut.SetRoleAsync("someone", "admin", UserRoles.Operator, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<InvalidInputException>(() => Sut.LockAsync("someone", "admin", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<InvalidInputException>(() => Sut.DeleteAsync("someone", "admin", TestContext.Current.CancellationToken));

        Assert.Contains("the last administrator", demote.Message);
        var (second, _) = await _app.CreateUserAsync(UserRoles.Admin);
        await Sut.SetRoleAsync(second, "admin", UserRoles.Operator, TestContext.Current.CancellationToken);
        Assert.Equal(UserRoles.Operator, (await Sut.ListAsync(TestContext.Current.CancellationToken)).Single(user => user.UserName == "admin").Role);
    }

    [Fact]
    public async Task OwnAccount_CannotBeLockedOrDeleted()
    {
        var (second, _) = await _app.CreateUserAsync(UserRoles.Admin);

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => Sut.DeleteAsync(second, second, TestContext.Current.CancellationToken));

        Assert.Contains("your own account", refused.Message);
    }

    [Fact]
    public async Task Lock_KeepsTheUserOutUntilUnlocked()
    {
        var (user, password) = await _app.CreateUserAsync(UserRoles.Operator);
        await Sut.LockAsync("admin", user, TestContext.Current.CancellationToken);

        var locked = await SignInForm.ErrorOfAsync(await SignInForm.PostAsync(_app.CreateAnonymousClient(), user, password));
        await Sut.UnlockAsync("admin", user, TestContext.Current.CancellationToken);

        Assert.Contains("locked", locked);
        await SignInForm.SignInAsync(_app.CreateAnonymousClient(), user, password);
    }

    [Fact]
    public async Task ResetPassword_NewOneSignsInOldOneNoLonger()
    {
        var (user, old) = await _app.CreateUserAsync(UserRoles.Viewer);

        var fresh = await Sut.ResetPasswordAsync("admin", user, TestContext.Current.CancellationToken);

        Assert.NotEqual(old, fresh);
        Assert.Contains("Wrong", await SignInForm.ErrorOfAsync(await SignInForm.PostAsync(_app.CreateAnonymousClient(), user, old)));
        await SignInForm.SignInAsync(_app.CreateAnonymousClient(), user, fresh);
    }

    [Fact]
    public async Task SetRole_ViewerToOperator_SignsTheUserOutAndTheNewSignInMayOperate()
    {
        var (user, password) = await _app.CreateUserAsync(UserRoles.Viewer);
        var client = _app.CreateAnonymousClient();
        await SignInForm.SignInAsync(client, user, password);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/sessions/{Guid.NewGuid()}/stop", null, TestContext.Current.CancellationToken)).StatusCode);

        await Sut.SetRoleAsync("admin", user, UserRoles.Operator, TestContext.Current.CancellationToken);
        var again = _app.CreateAnonymousClient();
        await SignInForm.SignInAsync(again, user, password);

        Assert.Equal(HttpStatusCode.Conflict, (await again.PostAsync($"/api/sessions/{Guid.NewGuid()}/stop", null, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Delete_RemovesTheUser()
    {
        var (user, password) = await _app.CreateUserAsync(UserRoles.Viewer);

        await Sut.DeleteAsync("admin", user, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(await Sut.ListAsync(TestContext.Current.CancellationToken), row => row.UserName == user);
        Assert.Contains("Wrong", await SignInForm.ErrorOfAsync(await SignInForm.PostAsync(_app.CreateAnonymousClient(), user, password)));
    }

    [Fact]
    public async Task Create_ShortOrDuplicateName_IsRefusedWithIdentitysMessage()
    {
        await Assert.ThrowsAsync<InvalidInputException>(() => Sut.CreateAsync("admin", " ", UserRoles.Viewer, TestContext.Current.CancellationToken));
        var duplicate = await Assert.ThrowsAsync<InvalidInputException>(() => Sut.CreateAsync("admin", "admin", UserRoles.Viewer, TestContext.Current.CancellationToken));
        var role = await Assert.ThrowsAsync<InvalidInputException>(() => Sut.CreateAsync("admin", "someone", "superuser", TestContext.Current.CancellationToken));

        Assert.Contains("'admin' is already taken", duplicate.Message);
        Assert.Contains("viewer, operator, admin", role.Message);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
