using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Auth.ApiKeys;
using SmartSpot.Web.Auth.Audit;
using SmartSpot.Web.Auth.Storage;

namespace SmartSpot.Tests.Web.Auth;

/// <summary>Who may call what on the real app: no credentials, keys of each role, revoked keys, foreign origins and hosts.</summary>
public sealed class ApiAccessTests : IAsyncLifetime
{
    private static readonly string AnyId = Guid.NewGuid().ToString();

    private readonly SmartSpotAppFactory _sut = new(TestPaths.TempDirectory());

    private readonly TestLot _lot = TestLot.Write(TestPaths.TempDirectory(), frames: 300);

    /// <summary>Every API endpoint (and a path under /api that does not exist).</summary>
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/sessions" },
        { "GET", $"/api/sessions/{AnyId}" },
        { "GET", $"/api/sessions/{AnyId}/intervals.json" },
        { "GET", $"/api/sessions/{AnyId}/timeline.csv" },
        { "GET", $"/api/sessions/{AnyId}/live.mjpeg" },
        { "POST", "/api/sessions" },
        { "POST", "/api/sessions/demo" },
        { "POST", $"/api/sessions/{AnyId}/stop" },
        { "POST", $"/api/sessions/{AnyId}/pause" },
        { "POST", $"/api/sessions/{AnyId}/resume" },
        { "POST", $"/api/sessions/{AnyId}/restart" },
        { "GET", "/api/no-such-endpoint" },
    };

    /// <summary>The endpoints that change something: operators only.</summary>
    public static TheoryData<string> OperatorActions => new()
    {
        "/api/sessions", "/api/sessions/demo", $"/api/sessions/{AnyId}/stop", $"/api/sessions/{AnyId}/pause", $"/api/sessions/{AnyId}/resume", $"/api/sessions/{AnyId}/restart",
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Request_WithoutCredentials_Returns401SayingHowToSignIn(string method, string path)
    {
        using var response = await _sut.CreateAnonymousClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("API key", await ErrorOf(response));
    }

    [Fact]
    public async Task Pages_WithoutSignIn_RedirectToSignInAndTheBlazorHubRefuses()
    {
        var client = _sut.CreateAnonymousClient();

        using var history = await client.GetAsync("/history", TestContext.Current.CancellationToken);
        using var hub = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);
        using var signIn = await client.GetAsync("/account/sign-in", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, history.StatusCode);
        Assert.Equal("/account/sign-in?ReturnUrl=%2Fhistory", history.Headers.Location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, hub.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Theory]
    [MemberData(nameof(OperatorActions))]
    public async Task ViewerKey_OnOperatorAction_Returns403NamingTheRole(string path)
    {
        var client = await ClientWithKeyAsync(UserRoles.Viewer);

        using var response = await client.PostAsync(path, null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("(viewer) does not allow this", await ErrorOf(response));
    }

    [Fact]
    public async Task ViewerKey_ReadsTheListASessionAndItsExports()
    {
        var id = await _sut.StartAsync(_lot.VideoPath, _lot.MaskPath);
        await _sut.WaitForAsync(id, "Completed");
        var client = await ClientWithKeyAsync(UserRoles.Viewer);

        foreach (var path in new[] { "/api/sessions", $"/api/sessions/{id}", $"/api/sessions/{id}/timeline.csv", $"/api/sessions/{id}/intervals.json" })
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Key_AsBearerOrXApiKey_IsAcceptedAndItsUseNoted()
    {
        var secret = await _sut.CreateKeyAsync(UserRoles.Viewer, "dashboard script");
        using var bearer = _sut.CreateAnonymousClient();
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        using var header = _sut.CreateAnonymousClient();
        header.DefaultRequestHeaders.Add(ApiKeySecret.HeaderName, secret);

        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/sessions", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await header.GetAsync("/api/sessions", TestContext.Current.CancellationToken)).StatusCode);
        var stored = Assert.Single(await _sut.Services.GetRequiredService<ApiKeyStore>().ListAsync(TestContext.Current.CancellationToken), key => key.Name == "dashboard script");
        Assert.NotNull(stored.LastUsedAt);
    }

    [Fact]
    public async Task Key_IsStoredOnlyAsItsSha256Hash()
    {
        var secret = await _sut.CreateKeyAsync(UserRoles.Operator, "hash check");

        await using var db = await _sut.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var stored = await db.ApiKeys.SingleAsync(key => key.Name == "hash check", TestContext.Current.CancellationToken);
        var database = await File.ReadAllBytesAsync(Path.Combine(_sut.DataDirectory, "smartspot.db"), TestContext.Current.CancellationToken);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret))), stored.Hash);
        Assert.Equal(secret[..ApiKeySecret.ShownLength], stored.Prefix);
        Assert.Equal(4 + 43, secret.Length);
        Assert.DoesNotContain(secret, System.Text.Encoding.Latin1.GetString(database));
    }

    [Fact]
    public async Task RevokedKey_Returns401SayingItIsNotValid()
    {
        var secret = await _sut.CreateKeyAsync(UserRoles.Operator, "leaked");
        var client = _sut.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeySecret.HeaderName, secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sessions", TestContext.Current.CancellationToken)).StatusCode);
        var keys = _sut.Services.GetRequiredService<ApiKeyStore>();
        var leaked = (await keys.ListAsync(TestContext.Current.CancellationToken)).Single(key => key.Name == "leaked");

        await keys.RevokeAsync(SmartSpotAppFactory.Administrator, leaked.Id, TestContext.Current.CancellationToken);

        using var response = await client.GetAsync("/api/sessions", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("revoked", await ErrorOf(response));
        using var unknown = _sut.CreateAnonymousClient();
        unknown.DefaultRequestHeaders.Authorization = new("Bearer", "ssk_" + new string('A', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, (await unknown.GetAsync("/api/sessions", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "http://localhost:5401")]
    [InlineData("Origin", "https://localhost")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Referer", "http://evil.example/page.html")]
    public async Task StateChangingRequest_FromAnotherOrigin_Returns403AndChangesNothing(string header, string value)
    {
        var id = await _sut.StartAsync(_lot.VideoPath, _lot.MaskPath, ("speed", "1"));
        await _sut.WaitForAsync(id, "Running");
        var client = _sut.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{id}/stop");
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("another site", await ErrorOf(response));
        Assert.Equal("Running", (await _sut.GetSessionAsync(id)).GetProperty("status").GetString());
        using var own = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{id}/stop");
        own.Headers.Add("Origin", "http://localhost");
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(own, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Upload_WithAForeignOrigin_Returns403AndStoresNothing()
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(_lot.VideoPath, TestContext.Current.CancellationToken)), "video", "lot.avi" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(_lot.MaskPath, TestContext.Current.CancellationToken)), "mask", "lot-mask.png" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions") { Content = form };
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await _sut.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty((await _sut.CreateClient().GetFromJsonAsync<JsonElement>("/api/sessions", TestContext.Current.CancellationToken)).EnumerateArray());
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("192.168.1.20:5000")]
    public async Task Request_WithAForeignHost_Returns400(string host)
    {
        var client = _sut.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/sessions");
        request.Headers.Host = host;
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/api/sessions")]
    [InlineData("/healthz")]
    [InlineData("/app.css")]
    [InlineData("/api/no-such-endpoint")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        using var response = await _sut.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);

        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("script-src 'self' 'nonce-", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Page_ImportMapCarriesThisResponsesNonce()
    {
        using var response = await _sut.CreateAnonymousClient().GetAsync("/account/sign-in", TestContext.Current.CancellationToken);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = policy.Split("'nonce-")[1].Split('\'')[0];
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OperatorKey_Actions_AreAuditedUnderTheKeysName()
    {
        var id = await _sut.StartAsync(_lot.VideoPath, _lot.MaskPath, ("speed", "1"));
        await _sut.WaitForAsync(id, "Running");
        await _sut.CreateClient().PostAsync($"/api/sessions/{id}/pause", null, TestContext.Current.CancellationToken);
        await _sut.CreateClient().PostAsync($"/api/sessions/{id}/stop", null, TestContext.Current.CancellationToken);

        var entries = (await _sut.Services.GetRequiredService<AuditLog>().ListAsync(50, TestContext.Current.CancellationToken))
            .Where(entry => entry.Target == id.ToString()).Reverse().ToList();

        Assert.Equal([AuditAction.Uploaded, AuditAction.Paused, AuditAction.Stopped], entries.Select(entry => entry.Action));
        Assert.All(entries, entry => Assert.StartsWith("API key 'test operator", entry.Actor));
    }

    private async Task<HttpClient> ClientWithKeyAsync(string role)
    {
        var client = _sut.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeySecret.HeaderName, await _sut.CreateKeyAsync(role));
        return client;
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error").GetString() ?? "";

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _sut.DisposeAsync();
}
