using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Auth.Accounts;
using SmartSpot.Web.Auth.ApiKeys;

namespace SmartSpot.Tests.Web;

/// <summary>
/// The whole web app in memory on a real SQLite file in <paramref name="dataDirectory"/>; analyses run as fast as possible.
/// <see cref="CreateClient"/> calls the API with an operator's API key (made on first use, as an administrator would);
/// <see cref="CreateAnonymousClient"/> sends no credentials.
/// </summary>
public sealed class SmartSpotAppFactory(
    string dataDirectory,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    /// <summary>How long a test waits for an analysis: generous, since the first analysis of an app loads the models and the machine may be shared.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly Lock _keyLock = new();
    private string? _operatorKey;

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>A client that sends an operator's API key with every request.</summary>
    public new HttpClient CreateClient()
    {
        var client = base.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeySecret.HeaderName, OperatorKey());
        return client;
    }

    /// <summary>A client without credentials; it keeps cookies (to sign in through the form) and does not follow redirects.</summary>
    public HttpClient CreateAnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Creates an API key with <paramref name="role"/> as an administrator would, and returns its secret.</summary>
    public async Task<string> CreateKeyAsync(string role, string? name = null)
    {
        var created = await Services.GetRequiredService<ApiKeyStore>().CreateAsync(Administrator, name ?? $"test {role} {Guid.NewGuid():N}", role);
        return created.Secret;
    }

    /// <summary>Creates a user with <paramref name="role"/> and returns the name and the password it was given.</summary>
    public async Task<(string UserName, string Password)> CreateUserAsync(string role)
    {
        var name = $"{role}-{Guid.NewGuid():N}"[..20];
        return (name, await Services.GetRequiredService<UserAdministration>().CreateAsync("tests", name, role));
    }

    /// <summary>The principal the tests act as when they arrange keys.</summary>
    public static ClaimsPrincipal Administrator { get; } = new(new ClaimsIdentity([new(ClaimTypes.Name, "tests"), new(ClaimTypes.Role, UserRoles.Admin)], "tests"));

    private string OperatorKey()
    {
        lock (_keyLock) return _operatorKey ??= Task.Run(() => CreateKeyAsync(UserRoles.Operator)).GetAwaiter().GetResult();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SmartSpot:DataDirectory", DataDirectory);
        builder.UseSetting("SmartSpot:Analysis:DefaultSpeed", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        // A setting, not SetMinimumLevel: appsettings.json sets the default level, and configuration wins over code.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (services is not null) builder.ConfigureServices(services);
    }

    /// <summary>Posts a video and mask (and optional extra form fields) to /api/sessions.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string videoPath, string maskPath, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        form.Add(FileContent(videoPath), "video", Path.GetFileName(videoPath));
        form.Add(FileContent(maskPath), "mask", Path.GetFileName(maskPath));
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return await CreateClient().PostAsync("/api/sessions", form);
    }

    /// <summary>Posts a live camera's URL and a mask (and optional extra form fields) to /api/sessions.</summary>
    public async Task<HttpResponseMessage> UploadLiveAsync(string url, string maskPath, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(url), "url");
        form.Add(FileContent(maskPath), "mask", Path.GetFileName(maskPath));
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return await CreateClient().PostAsync("/api/sessions", form);
    }

    /// <summary>Uploads and returns the new session's id, failing the test unless the upload was accepted.</summary>
    public async Task<Guid> StartAsync(string videoPath, string maskPath, params (string Name, string Value)[] fields)
    {
        using var response = await UploadAsync(videoPath, maskPath, fields);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> GetSessionAsync(Guid id)
    {
        using var response = await CreateClient().GetAsync($"/api/sessions/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls the session until its status is one of <paramref name="statuses"/>; fails after <see cref="Patience"/>.</summary>
    public async Task<JsonElement> WaitForAsync(Guid id, params string[] statuses)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var session = await GetSessionAsync(id);
            var status = session.GetProperty("status").GetString();
            if (statuses.Contains(status)) return session;
            Assert.True(DateTime.UtcNow < deadline, $"Session {id} is still {status}, expected {string.Join('/', statuses)}: {session}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static ByteArrayContent FileContent(string path)
    {
        var content = new ByteArrayContent(File.ReadAllBytes(path));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }
}
