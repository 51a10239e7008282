using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Auth.Audit;
using SmartSpot.Web.Storage;

namespace SmartSpot.Tests.Web.Auth;

/// <summary>The dashboard as a process: sign-in off only on loopback, and the command-line password reset.</summary>
public sealed partial class StartupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://127.0.0.1:0;http://[::]:0")]
    public async Task Start_SignInOffBeyondLoopback_RefusesWithOneLineAndExit73(string urls)
    {
        var (exitCode, stdout, stderr) = await WebProcess.RunAsync(TestPaths.TempDirectory(), Patience,
            new Dictionary<string, string> { ["SmartSpot__Auth__Enabled"] = "false" }, "--urls", urls);

        Assert.Equal(StartupRefusedException.ExitCode, exitCode);
        Assert.StartsWith("error: Sign-in is off (SmartSpot:Auth:Enabled=false) but SmartSpot would listen on http://", stderr);
        Assert.Contains("listen on loopback only", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", stderr + stdout);
    }

    [Fact]
    public async Task SignInOff_OnLoopback_ServesEveryoneAsTheLocalAdministrator()
    {
        await using var sut = new SmartSpotAppFactory(TestPaths.TempDirectory(), new Dictionary<string, string?> { ["SmartSpot:Auth:Enabled"] = "false" });
        var client = sut.CreateAnonymousClient();

        using var list = await client.GetAsync("/api/sessions", TestContext.Current.CancellationToken);
        using var page = await client.GetAsync("/admin/users", TestContext.Current.CancellationToken);
        using var foreign = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{Guid.NewGuid()}/stop");
        foreign.Headers.Add("Origin", "http://localhost:5401");
        using var crossSite = await client.SendAsync(foreign, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
    }

    [Fact]
    public async Task ResetPassword_FromTheCommandLine_PrintsANewPasswordThatSignsIn()
    {
        var data = TestPaths.TempDirectory();
        await using (var first = new SmartSpotAppFactory(data))
        {
            _ = first.Services;
        }

        var (exitCode, stdout, stderr) = await WebProcess.RunAsync(data, Patience, arguments: ["reset-password", "admin"]);

        Assert.True(exitCode == 0, stderr);
        var password = NewPassword().Match(stdout).Groups[1].Value;
        Assert.NotEmpty(password);
        await using var second = new SmartSpotAppFactory(data);
        await SignInForm.SignInAsync(second.CreateAnonymousClient(), "admin", password);
        var audit = await second.Services.GetRequiredService<AuditLog>().ListAsync(20, TestContext.Current.CancellationToken);
        Assert.Contains(audit, entry => entry is { Actor: "command line", Action: AuditAction.UserPasswordReset, Target: "admin" });
    }

    [Fact]
    public async Task ResetPassword_UnknownUser_SaysWhoTheUsersAreAndExits2()
    {
        var (exitCode, _, stderr) = await WebProcess.RunAsync(TestPaths.TempDirectory(), Patience, arguments: ["reset-password", "nobody"]);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: There is no user 'nobody'. The users are: admin.", stderr);
    }

    [GeneratedRegex("The password of 'admin' is now:\\s+(\\S+)")]
    private static partial Regex NewPassword();
}
