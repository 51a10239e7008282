using Microsoft.Extensions.Configuration;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Storage;

namespace SmartSpot.Tests.Web.Auth;

public sealed class ListenAddressCheckTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://127.0.0.2:5000", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("https://[::1]:5001", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://*:80", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://192.168.1.20:5000", false)]
    [InlineData("http://lot-pc:5000", false)]
    public void IsLoopback_Url_TellsLoopbackFromReachable(string url, bool loopback) =>
        Assert.Equal(loopback, ListenAddressCheck.IsLoopback(url));

    [Fact]
    public void EnsureAllowed_SignInOffAndAKestrelEndpointBeyondLoopback_Refuses()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:5000",
            ["Kestrel:Endpoints:Lan:Url"] = "http://192.168.1.20:5000",
        }).Build();

        var refused = Assert.Throws<StartupRefusedException>(() => ListenAddressCheck.EnsureAllowed(configuration, new AuthOptions { Enabled = false }));

        Assert.Contains("http://192.168.1.20:5000", refused.Message);
        Assert.Contains("listen on http://192.168.1.20:5000, which", refused.Message);
        ListenAddressCheck.EnsureAllowed(configuration, new AuthOptions { Enabled = true });
    }
}
