using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace SmartSpot.Tests.Web.EndToEnd;

/// <summary>The real app on a free loopback port with a scratch data directory, and a headless Debian Chromium to drive it.</summary>
public sealed class SmartSpotAppFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private readonly string _dataDirectory = TestPaths.TempDirectory();
    private WebApplicationFactory<Program>? _app;
    private IPlaywright? _playwright;

    public string BaseAddress { get; private set; } = "";

    /// <summary>Thirty seconds of the drawn lot: long enough to watch, pause and stop at real time.</summary>
    public TestLot Lot { get; } = TestLot.Write(TestPaths.TempDirectory(), frames: 900);

    public IBrowser Browser { get; private set; } = default!;

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

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
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
