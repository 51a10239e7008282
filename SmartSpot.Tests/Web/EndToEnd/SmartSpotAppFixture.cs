using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Auth.Accounts;
using SmartSpot.Web.Auth.ApiKeys;

namespace SmartSpot.Tests.Web.EndToEnd;

/// <summary>
/// The real app on a free loopback port with a scratch data directory, one user per role, an operator API key to arrange
/// analyses with, and a headless Debian Chromium whose pages sign in through the sign-in page and record every
/// Content-Security-Policy violation.
/// </summary>
public sealed class SmartSpotAppFixture : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const string ChromiumPath = "/usr/bin/chromium";
    private readonly string _dataDirectory = TestPaths.TempDirectory();
    private readonly Dictionary<string, (string UserName, string Password)> _users = [];
    private readonly Dictionary<string, string> _signedInState = [];
    private readonly SemaphoreSlim _signingIn = new(1, 1);
    private readonly ConcurrentDictionary<IPage, ConcurrentQueue<string>> _consoleViolations = [];
    private WebApplicationFactory<Program>? _app;
    private IPlaywright? _playwright;

    public string BaseAddress { get; private set; } = "";

    /// <summary>Thirty seconds of the drawn lot: long enough to watch, pause and stop at real time.</summary>
    public TestLot Lot { get; } = TestLot.Write(TestPaths.TempDirectory(), frames: 900);

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Calls the API with an operator's key (no browser involved).</summary>
    public HttpClient Api { get; private set; } = default!;

    public IServiceProvider Services => _app!.Services;

    /// <summary>Why the browser tests cannot run here; null when they can.</summary>
    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Unavailable = $"{ChromiumPath} is not installed";
            return;
        }
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseEnvironment("Development")
            // A port of its own, explicitly: the app's default (127.0.0.1:5000) won over UseKestrel(0), so two
            // worktrees' browser tests met on one port and one of them drove the other's app.
            .UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0")
            .UseSetting("SmartSpot:DataDirectory", _dataDirectory)
            .UseSetting("Logging:LogLevel:Default", "Warning"));
        _app.UseKestrel(0);
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);

        var administration = _app.Services.GetRequiredService<UserAdministration>();
        foreach (var role in UserRoles.All)
        {
            var name = $"test-{role}";
            _users[role] = (name, await administration.CreateAsync("tests", name, role));
        }
        var key = await _app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(SmartSpotAppFactory.Administrator, "end-to-end tests", UserRoles.Operator);
        Api = new HttpClient { BaseAddress = new Uri(BaseAddress) };
        Api.DefaultRequestHeaders.Add(ApiKeySecret.HeaderName, key.Secret);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public (string UserName, string Password) User(string role) => _users[role];

    /// <summary>A new page, watched for CSP violations, of a browser context signed in with <paramref name="role"/> (signed in through the sign-in page once per role), at <paramref name="path"/>.</summary>
    public async Task<IPage> OpenAsync(string role, string path)
    {
        Assert.SkipWhen(Unavailable is not null, Unavailable ?? "");
        var page = await NewPageAsync(await SignedInStateAsync(role));
        await page.GotoAsync(BaseAddress + path);
        return page;
    }

    /// <summary>A new page, watched for CSP violations, in a fresh context that is not signed in.</summary>
    public async Task<IPage> NewPageAsync(string? storageState = null)
    {
        Assert.SkipWhen(Unavailable is not null, Unavailable ?? "");
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 }, StorageState = storageState });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        Assertions.SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);
        // Both the browser's console report and the page's own event, so that no violation goes unseen.
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => (window.__cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`));");
        var console = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) console.Enqueue(message.Text);
        };
        _consoleViolations[page] = console;
        return page;
    }

    /// <summary>Fails the test if the page's browser reported a Content-Security-Policy violation.</summary>
    public async Task AssertNoCspViolationsAsync(IPage page)
    {
        var reported = await page.EvaluateAsync<string[]?>("() => window.__cspViolations ?? []") ?? [];
        Assert.Empty(reported.Concat(_consoleViolations[page]));
    }

    /// <summary>Signs <paramref name="page"/> in through the sign-in form and waits until it has left the sign-in page.</summary>
    public async Task SignInAsync(IPage page, string role)
    {
        var (userName, password) = _users[role];
        if (!page.Url.Contains("/account/sign-in", StringComparison.Ordinal)) await page.GotoAsync(BaseAddress + "/account/sign-in");
        await page.GetByTestId("user-name").FillAsync(userName);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("sign-in-button").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }

    /// <summary>Starts an analysis of the drawn lot (or of <paramref name="lot"/>) at real time through the API (as an operator's key) and waits until it runs.</summary>
    public async Task<Guid> StartRunningSessionAsync(string name, TestLot? lot = null)
    {
        lot ??= Lot;
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(lot.VideoPath)), "video", "lot.avi" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(lot.MaskPath)), "mask", "lot-mask.png" },
            { new StringContent(name), "name" },
            { new StringContent("1"), "speed" },
        };
        using var response = await Api.PostAsync("/api/sessions", form);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var deadline = DateTime.UtcNow + Patience;
        while (await StatusAsync(id) != "Running")
        {
            Assert.True(DateTime.UtcNow < deadline, $"the analysis {id} did not start running");
            await Task.Delay(100);
        }
        return id;
    }

    /// <summary>Starts an analysis as <see cref="StartRunningSessionAsync"/> does and pauses it after its first frame, so that it stays alive however slow the machine is.</summary>
    public async Task<Guid> StartPausedSessionAsync(string name, TestLot? lot = null)
    {
        var id = await StartRunningSessionAsync(name, lot);
        // After its first analysed frame, which a paused run keeps showing to viewers who join later.
        var deadline = DateTime.UtcNow + Patience;
        while ((await Api.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}")).GetProperty("framesDone").GetInt32() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the analysis {id} analysed no frame");
            await Task.Delay(100);
        }
        using var response = await Api.PostAsync($"/api/sessions/{id}/pause", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Paused", await StatusAsync(id));
        return id;
    }

    public async Task<string?> StatusAsync(Guid id) =>
        (await Api.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}")).GetProperty("status").GetString();

    private async Task<string> SignedInStateAsync(string role)
    {
        await _signingIn.WaitAsync();
        try
        {
            if (!_signedInState.TryGetValue(role, out var state))
            {
                var page = await NewPageAsync();
                await page.GotoAsync(BaseAddress + "/account/sign-in");
                await SignInAsync(page, role);
                state = _signedInState[role] = await page.Context.StorageStateAsync();
                await page.Context.CloseAsync();
            }
            return state;
        }
        finally
        {
            _signingIn.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _signingIn.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the stopping app; the temp folder is cleaned by the OS.
        }
    }
}
