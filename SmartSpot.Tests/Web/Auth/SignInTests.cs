using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Auth.Accounts;
using SmartSpot.Web.Auth.Audit;

namespace SmartSpot.Tests.Web.Auth;

/// <summary>The first administrator, signing in and out, lockout, expiry and password change, through the real pages.</summary>
public sealed partial class SignInTests
{
    [Fact]
    public async Task FirstRun_NoUser_CreatesAdminWithARandomPasswordPrintedOnce()
    {
        var data = TestPaths.TempDirectory();
        var firstLog = new LogCapture();
        string password;
        await using (var first = App(data, firstLog))
        {
            _ = first.Services;
            password = Assert.Single(FirstAdminPasswords(firstLog));
            Assert.Contains(firstLog.Messages, message => message.Contains("./run.sh reset-password admin"));
            await SignInForm.SignInAsync(first.CreateAnonymousClient(), "admin", password);
        }
        var secondLog = new LogCapture();
        await using var second = App(data, secondLog);
        var client = second.CreateAnonymousClient();

        await SignInForm.SignInAsync(client, "admin", password);

        Assert.Empty(FirstAdminPasswords(secondLog));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sessions", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Matches("^([A-HJ-NP-Za-km-z2-9]{5}-){3}[A-HJ-NP-Za-km-z2-9]{5}$", password);
        var otherLog = new LogCapture();
        await using var elsewhere = App(TestPaths.TempDirectory(), otherLog);
        _ = elsewhere.Services;
        Assert.NotEqual(password, Assert.Single(FirstAdminPasswords(otherLog)));
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoAndIsAudited()
    {
        await using var sut = App(TestPaths.TempDirectory());
        var (user, _) = await sut.CreateUserAsync(UserRoles.Viewer);
        var client = sut.CreateAnonymousClient();

        using var response = await SignInForm.PostAsync(client, user, "wrong password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong user name or password", await SignInForm.ErrorOfAsync(response));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/sessions", TestContext.Current.CancellationToken)).StatusCode);
        var entry = (await sut.Services.GetRequiredService<AuditLog>().ListAsync(10, TestContext.Current.CancellationToken)).First();
        Assert.Equal((user, AuditAction.SignInFailed), (entry.Actor, entry.Action));
    }

    [Fact]
    public async Task SignIn_RepeatedFailures_LockTheAccountEvenForTheRightPasswordUntilUnlocked()
    {
        await using var sut = App(TestPaths.TempDirectory(), settings: new() { ["SmartSpot:Auth:MaxFailedSignIns"] = "3" });
        var (user, password) = await sut.CreateUserAsync(UserRoles.Operator);
        var client = sut.CreateAnonymousClient();

        var errors = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            errors.Add(await SignInForm.ErrorOfAsync(await SignInForm.PostAsync(client, user, $"guess {attempt}")));
        }
        var rightTooLate = await SignInForm.ErrorOfAsync(await SignInForm.PostAsync(client, user, password));

        // The same answer every time, and the same as for a name that does not exist: the page does not reveal which names do.
        var unknown = await SignInForm.ErrorOfAsync(await SignInForm.PostAsync(client, "nobody-" + user, "guess"));
        Assert.Contains("Wrong user name or password. After 3 failed sign-ins in a row an account is locked", errors[0]);
        Assert.All([errors[1], errors[2], rightTooLate, unknown], error => Assert.Equal(errors[0], error));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/sessions", TestContext.Current.CancellationToken)).StatusCode);
        var audit = await sut.Services.GetRequiredService<AuditLog>().ListAsync(10, TestContext.Current.CancellationToken);
        Assert.Equal(2, audit.Count(entry => entry.Actor == user && entry.Action == AuditAction.SignInLockedOut));
        await sut.Services.GetRequiredService<UserAdministration>().UnlockAsync("tests", user, TestContext.Current.CancellationToken);
        await SignInForm.SignInAsync(client, user, password);
    }

    [Fact]
    public async Task Session_IdleLongerThanTheTimeout_Expires_ButUseKeepsItAlive()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sut = App(TestPaths.TempDirectory(), settings: new() { ["SmartSpot:Auth:SessionTimeout"] = "00:10:00" },
            services: services => services.AddSingleton<TimeProvider>(clock));
        var (user, password) = await sut.CreateUserAsync(UserRoles.Viewer);
        var client = sut.CreateAnonymousClient();
        await SignInForm.SignInAsync(client, user, password);

        clock.Advance(TimeSpan.FromMinutes(6));
        var used = await client.GetAsync("/api/sessions", TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMinutes(6));
        var stillSignedIn = await client.GetAsync("/api/sessions", TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMinutes(11));
        var idle = await client.GetAsync("/api/sessions", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, idle.StatusCode);
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnlyAndSameSiteLax()
    {
        await using var sut = App(TestPaths.TempDirectory());
        var (user, password) = await sut.CreateUserAsync(UserRoles.Viewer);

        using var response = await SignInForm.PostAsync(sut.CreateAnonymousClient(), user, password);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), header => header.StartsWith(".SmartSpot.Session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_ToAForeignReturnUrl_StaysOnThisSite()
    {
        await using var sut = App(TestPaths.TempDirectory());
        var (user, password) = await sut.CreateUserAsync(UserRoles.Viewer);

        using var response = await SignInForm.PostAsync(sut.CreateAnonymousClient(), user, password, returnUrl: "//evil.example/phish");

        Assert.Equal("/", response.Headers.Location?.AbsolutePath);
        Assert.Equal("localhost", response.Headers.Location?.Host);
    }

    [Fact]
    public async Task SignInForm_WithoutItsAntiforgeryTokenOrFromAnotherOrigin_IsRefused()
    {
        await using var sut = App(TestPaths.TempDirectory());
        var (user, password) = await sut.CreateUserAsync(UserRoles.Viewer);
        var client = sut.CreateAnonymousClient();
        var fields = new Dictionary<string, string> { ["_handler"] = "sign-in", ["Input.UserName"] = user, ["Input.Password"] = password };

        using var withoutToken = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in") { Content = new FormUrlEncodedContent(fields) };
        foreign.Headers.Add("Origin", "http://evil.example");
        using var fromElsewhere = await client.SendAsync(foreign, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, fromElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/sessions", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task SignOut_NeedsTheAntiforgeryTokenAndEndsTheSignIn()
    {
        await using var sut = App(TestPaths.TempDirectory());
        var (user, password) = await sut.CreateUserAsync(UserRoles.Viewer);
        var client = sut.CreateAnonymousClient();
        await SignInForm.SignInAsync(client, user, password);

        using var forged = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "x" }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sessions", TestContext.Current.CancellationToken)).StatusCode);
        var token = await TokenFromAsync(client, "/account/password");
        using var signOut = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["reason"] = "menu",
            ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/account/sign-in", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/sessions", TestContext.Current.CancellationToken)).StatusCode);
        var entry = (await sut.Services.GetRequiredService<AuditLog>().ListAsync(10, TestContext.Current.CancellationToken)).First();
        Assert.Equal((user, AuditAction.SignedOut), (entry.Actor, entry.Action));
    }

    [Fact]
    public async Task ChangePassword_RightCurrentPassword_ReplacesIt()
    {
        await using var sut = App(TestPaths.TempDirectory());
        var (user, password) = await sut.CreateUserAsync(UserRoles.Operator);
        var client = sut.CreateAnonymousClient();
        await SignInForm.SignInAsync(client, user, password);

        var wrong = await ChangePasswordAsync(client, "not it", "a new long passphrase");
        var changed = await ChangePasswordAsync(client, password, "a new long passphrase");

        Assert.Contains("The current password is wrong", wrong);
        Assert.Contains("Your password is changed", changed);
        var fresh = sut.CreateAnonymousClient();
        Assert.Contains("Wrong user name or password", await SignInForm.ErrorOfAsync(await SignInForm.PostAsync(fresh, user, password)));
        await SignInForm.SignInAsync(fresh, user, "a new long passphrase");
    }

    private static async Task<string> ChangePasswordAsync(HttpClient client, string current, string replacement)
    {
        var token = await TokenFromAsync(client, "/account/password");
        using var response = await client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = token,
            ["Input.Current"] = current,
            ["Input.New"] = replacement,
            ["Input.Repeat"] = replacement,
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return Regex.Match(page, "data-testid=\"password-message\".*?</div>\\s*</div>", RegexOptions.Singleline).Value;
    }

    private static async Task<string> TokenFromAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path, TestContext.Current.CancellationToken);
        return Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    private static IEnumerable<string> FirstAdminPasswords(LogCapture log) =>
        log.Messages.Select(message => FirstAdminMessage().Match(message)).Where(match => match.Success).Select(match => match.Groups[1].Value);

    private static SmartSpotAppFactory App(string data, LogCapture? log = null, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new(data, settings, collection =>
        {
            if (log is not null) collection.AddSingleton<ILoggerProvider>(log);
            services?.Invoke(collection);
        });

    [GeneratedRegex("created the administrator 'admin' with the password\\s+(\\S+)")]
    private static partial Regex FirstAdminMessage();
}
