using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Auth.ApiKeys;

namespace SmartSpot.Tests.Web.Auth;

/// <summary>X-Forwarded-Proto is believed from the configured proxies only: here as an HTTPS page's Origin, which matches or not.</summary>
public sealed class ForwardedHeadersTests
{
    [Theory]
    [InlineData("", HttpStatusCode.Forbidden)]
    [InlineData("10.9.8.7", HttpStatusCode.Forbidden)]
    [InlineData("127.0.0.1", HttpStatusCode.Conflict)]
    [InlineData("127.0.0.0/8, 10.0.0.0/8", HttpStatusCode.Conflict)]
    public async Task ForwardedProto_IsTrustedOnlyFromConfiguredProxies(string proxies, HttpStatusCode expected)
    {
        await using var app = new SmartSpotAppFactory(TestPaths.TempDirectory(), new Dictionary<string, string?>
        {
            ["SmartSpot:Auth:TrustedProxies"] = proxies,
            ["urls"] = "http://127.0.0.1:0",
        });
        app.UseKestrel(0);
        app.StartServer();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("localhost", "127.0.0.1"));
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Add(ApiKeySecret.HeaderName, await app.CreateKeyAsync(UserRoles.Operator));

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{Guid.NewGuid()}/stop");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("Origin", $"https://127.0.0.1:{address.Port}");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        // 409: past the guard (the request counts as HTTPS, as the proxy says), and no such analysis runs.
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task TrustedProxies_NotAnAddress_StopsTheStartNamingTheSetting()
    {
        await using var app = new SmartSpotAppFactory(TestPaths.TempDirectory(), new Dictionary<string, string?> { ["SmartSpot:Auth:TrustedProxies"] = "proxy.local" });

        var error = Assert.ThrowsAny<Microsoft.Extensions.Options.OptionsValidationException>(() => app.Services);

        Assert.Contains("'proxy.local' is not an IP address or network", error.Message);
    }
}
