using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Auth.Audit;

namespace SmartSpot.Tests.Web.EndToEnd;

/// <summary>Sign-in, roles, sign-out, the admin pages and a hostile page on another port, in Chromium; no page may break the Content-Security-Policy.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessFlowTests(SmartSpotAppFixture app)
{
    /// <summary>Where the screenshots of the sign-in, users and API-keys pages go (beside the test binaries).</summary>
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task SignIn_AsOperator_ReturnsToTheAskedPageAndShowsTheUser()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.BaseAddress + "/history");

        await page.WaitForURLAsync(new Regex("/account/sign-in\\?ReturnUrl=%2Fhistory$"));
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "sign-in.png") });
        await page.GetByTestId("user-name").FillAsync(app.User(UserRoles.Operator).UserName);
        await page.GetByTestId("password").FillAsync("not the password");
        await page.GetByTestId("sign-in-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("Wrong user name or password");
        await app.SignInAsync(page, UserRoles.Operator);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/history$"));
        await Assertions.Expect(page.GetByTestId("user-menu-button")).ToContainTextAsync(app.User(UserRoles.Operator).UserName);
        await Assertions.Expect(page.GetByTestId("new-analysis")).ToBeVisibleAsync();
        await app.AssertNoCspViolationsAsync(page);
    }

    [Fact]
    public async Task Viewer_SeesNoUploadOrPlaybackControls()
    {
        var page = await app.OpenAsync(UserRoles.Viewer, "/");

        await Assertions.Expect(page.GetByTestId("viewer-note")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".drop-zone")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("demo-button")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("new-analysis")).ToHaveCountAsync(0);
        var id = await app.StartRunningSessionAsync("Viewer check");
        await page.GotoAsync($"{app.BaseAddress}/sessions/{id}");
        await Assertions.Expect(page.Locator("[data-testid=live-frame].shown")).ToBeVisibleAsync();
        // Paused, so that it is still active (an operator would see its controls) however slow the machine is.
        await app.Api.PostAsync($"/api/sessions/{id}/pause", null, TestContext.Current.CancellationToken);
        await Assertions.Expect(page.GetByTestId("session-status")).ToHaveTextAsync("Paused");
        await Assertions.Expect(page.GetByTestId("playback-controls")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("stop-button")).ToHaveCountAsync(0);
        await page.GotoAsync(app.BaseAddress + "/admin/users");
        await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await app.AssertNoCspViolationsAsync(page);
        await app.Api.PostAsync($"/api/sessions/{id}/stop", null, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task SignOut_EndsTheSignInSoPagesAskForItAgain()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.BaseAddress + "/account/sign-in");
        await app.SignInAsync(page, UserRoles.Viewer);
        await page.GotoAsync(app.BaseAddress + "/history");
        await Assertions.Expect(page.GetByTestId("history-table")).ToBeVisibleAsync();

        await page.GetByTestId("user-menu-button").ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();

        await page.WaitForURLAsync(new Regex("/account/sign-in$"));
        await page.GotoAsync(app.BaseAddress + "/history");
        await page.WaitForURLAsync(new Regex("/account/sign-in\\?ReturnUrl=%2Fhistory$"));
        var signedOut = await page.Context.APIRequest.GetAsync(app.BaseAddress + "/api/sessions");
        Assert.Equal((int)HttpStatusCode.Unauthorized, signedOut.Status);
        await app.AssertNoCspViolationsAsync(page);
    }

    [Fact]
    public async Task PageOnAnotherLocalPort_CannotStopASession()
    {
        var id = await app.StartPausedSessionAsync("Cross-site check");
        var stop = $"{app.BaseAddress}/api/sessions/{id}/stop";
        await using var hostile = await HostileSiteAsync($$"""
            <!DOCTYPE html><html><body>
            <form id="f" method="post" action="{{stop}}"></form>
            <script>
              fetch("{{stop}}", { method: "POST", mode: "no-cors", credentials: "include" })
                .finally(() => { document.title = "fetched"; document.getElementById("f").submit(); });
            </script>
            </body></html>
            """);
        var page = await app.OpenAsync(UserRoles.Operator, "/history");

        await page.GotoAsync(hostile.Urls.Single());

        // The form post lands on SmartSpot's refusal (the fetch's answer is opaque to the page).
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Cross-site request refused");
        Assert.Equal("Paused", await app.StatusAsync(id));
        var audit = await app.Services.GetRequiredService<AuditLog>().ListAsync(100, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(audit, entry => entry.Target == id.ToString() && entry.Action == AuditAction.Stopped);
        await app.Api.PostAsync($"/api/sessions/{id}/stop", null, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task UsersPage_AdminCreatesAUserWhoseOneTimePasswordSignsIn()
    {
        var page = await app.OpenAsync(UserRoles.Admin, "/admin/users");
        await Assertions.Expect(page.GetByTestId("users-table")).ToContainTextAsync(app.User(UserRoles.Viewer).UserName);
        // The administrator's own row offers no Lock or Delete (the server refuses both for one's own account).
        await Assertions.Expect(page.GetByTestId("own-account")).ToHaveCountAsync(1);
        var rows = await page.GetByTestId("user-row-name").CountAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete" })).ToHaveCountAsync(rows - 1);

        await page.GetByTestId("new-user-name").FillAsync("wall-display");
        await page.GetByTestId("create-user").ClickAsync();

        await Assertions.Expect(page.GetByTestId("one-time-secret")).ToContainTextAsync("'wall-display' (viewer) is created");
        var password = await page.GetByTestId("secret-value").InnerTextAsync();
        await Assertions.Expect(page.GetByTestId("users-table")).ToContainTextAsync("wall-display");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Directory.CreateDirectory(Screenshots).FullName, "users.png"), FullPage = true });
        await app.AssertNoCspViolationsAsync(page);
        var newcomer = await app.NewPageAsync();
        await newcomer.GotoAsync(app.BaseAddress + "/account/sign-in");
        await newcomer.GetByTestId("user-name").FillAsync("wall-display");
        await newcomer.GetByTestId("password").FillAsync(password);
        await newcomer.GetByTestId("sign-in-button").ClickAsync();
        await Assertions.Expect(newcomer.GetByTestId("viewer-note")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ApiKeysPage_KeyIsShownOnceWorksAndStopsWorkingWhenRevoked()
    {
        var page = await app.OpenAsync(UserRoles.Admin, "/admin/api-keys");

        await page.GetByTestId("new-key-name").FillAsync("wall display");
        await page.GetByTestId("create-key").ClickAsync();

        var secret = await page.GetByTestId("secret-value").InnerTextAsync();
        Assert.StartsWith("ssk_", secret);
        await Assertions.Expect(page.GetByTestId("keys-table")).ToContainTextAsync(secret[..12]);
        await Assertions.Expect(page.GetByTestId("keys-table")).Not.ToContainTextAsync(secret);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Directory.CreateDirectory(Screenshots).FullName, "api-keys.png"), FullPage = true });
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseAddress) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        using (var allowed = await client.GetAsync("/api/sessions", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        await page.GetByTestId("keys-table").Locator("tr", new() { HasText = "wall display" }).GetByTestId("revoke-key").ClickAsync();
        // The confirmation's own button: the row's "Revoke" is still on the page until the dialog is answered.
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("keys-table").Locator("tr", new() { HasText = "wall display" })).ToContainTextAsync("revoked");
        using (var revoked = await client.GetAsync("/api/sessions", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        }
        await page.GotoAsync(app.BaseAddress + "/admin/audit");
        await Assertions.Expect(page.GetByTestId("audit-table")).ToContainTextAsync("ApiKeyRevoked");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "audit.png"), FullPage = true });
        await app.AssertNoCspViolationsAsync(page);
    }

    /// <summary>A page served by another web server on another loopback port: another origin, but the same site for cookies.</summary>
    private static async Task<WebApplication> HostileSiteAsync(string html)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var hostile = builder.Build();
        hostile.MapGet("/", () => Results.Content(html, "text/html"));
        await hostile.StartAsync();
        return hostile;
    }
}
