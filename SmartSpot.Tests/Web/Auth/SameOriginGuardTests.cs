using Microsoft.AspNetCore.Http;
using SmartSpot.Web.Auth.CrossSite;

namespace SmartSpot.Tests.Web.Auth;

public sealed class SameOriginGuardTests
{
    [Theory]
    [InlineData("Origin", "https://lot.example")]
    [InlineData("Origin", "https://lot.example:443")]
    [InlineData("Origin", "https://LOT.example")]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Referer", "https://lot.example/history")]
    [InlineData(null, null)]
    public void ForeignSource_OwnOriginOrNoBrowserHeader_IsNone(string? header, string? value) =>
        Assert.Null(SameOriginGuard.ForeignSource(Request(header, value)));

    [Theory]
    [InlineData("Origin", "http://lot.example")]
    [InlineData("Origin", "https://lot.example:8443")]
    [InlineData("Origin", "https://lot.example.evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Referer", "https://evil.example/lot.example")]
    public void ForeignSource_AnotherOrigin_IsNamed(string header, string value) =>
        Assert.NotNull(SameOriginGuard.ForeignSource(Request(header, value)));

    [Fact]
    public void ForeignSource_OriginPresent_WinsOverTheOtherHeaders()
    {
        var request = Request("Origin", "https://lot.example");
        request.Headers["Sec-Fetch-Site"] = "cross-site";

        Assert.Null(SameOriginGuard.ForeignSource(request));
    }

    private static HttpRequest Request(string? header, string? value)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("lot.example");
        context.Request.Method = "POST";
        if (header is not null) context.Request.Headers[header] = value;
        return context.Request;
    }
}
