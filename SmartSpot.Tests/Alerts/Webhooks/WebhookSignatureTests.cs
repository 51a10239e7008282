using System.Text;
using SmartSpot.Alerts.Webhooks;

namespace SmartSpot.Tests.Alerts.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "test-secret-0123456789";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"1","transition":"fired"}""");

    [Fact]
    public void Create_KnownInput_IsHmacOfTimestampDotBody()
    {
        var header = WebhookSignature.Create(Secret, Now, Body);

        // Computed independently: printf '%s' '1772352000.{"id":"1","transition":"fired"}' | openssl dgst -sha256 -hmac test-secret-0123456789
        const string expected = "800e251d22866328061539f20bc13243ce0f72a0c3e53eb8aab9c0faa18c5b67";
        Assert.Equal($"t=1772352000,v1={expected}", header);
    }

    [Fact]
    public void Verify_SameBodyWithinTolerance_IsTrue()
    {
        var header = WebhookSignature.Create(Secret, Now, Body);

        Assert.True(WebhookSignature.Verify(header, Secret, Body, Now.AddMinutes(4), WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void Verify_TamperedBodyOrWrongSecret_IsFalse()
    {
        var header = WebhookSignature.Create(Secret, Now, Body);
        var tampered = Encoding.UTF8.GetBytes("""{"id":"1","transition":"cleared"}""");

        Assert.False(WebhookSignature.Verify(header, Secret, tampered, Now, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(header, "another-secret-0123456789", Body, Now, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void Verify_ReplayedAfterTolerance_IsFalse()
    {
        var header = WebhookSignature.Create(Secret, Now, Body);

        Assert.False(WebhookSignature.Verify(header, Secret, Body, Now.AddMinutes(6), WebhookSignature.DefaultTolerance));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("t=1772352000")]
    [InlineData("t=abc,v1=00")]
    [InlineData("t=1772352000,v1=zz")]
    public void Verify_MalformedHeader_IsFalse(string? header)
    {
        Assert.False(WebhookSignature.Verify(header, Secret, Body, Now, WebhookSignature.DefaultTolerance));
    }
}
