using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SmartSpot.Tests.Web.Api;

public sealed class DemoApiTests
{
    [Fact]
    public async Task PostDemo_GeneratesTheLotOnceAndAnalysesIt()
    {
        var data = TestPaths.TempDirectory();
        await using var sut = new SmartSpotAppFactory(data, new Dictionary<string, string?>
        {
            ["SmartSpot:Demo:DurationSeconds"] = "1",
            ["SmartSpot:Demo:Rows"] = "2",
            ["SmartSpot:Demo:Columns"] = "5",
        });
        var client = sut.CreateClient();

        using var response = await client.PostAsync("/api/sessions/demo?speed=max", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("Queued", body.GetProperty("status").GetString());
        var id = body.GetProperty("id").GetGuid();
        var session = await sut.WaitForAsync(id, "Completed");
        Assert.Equal(10, session.GetProperty("spots").GetArrayLength());
        Assert.Equal("Demo lot", session.GetProperty("name").GetString());
        var video = Path.Combine(data, "demo", "demo-lot.mp4");
        var made = File.GetLastWriteTimeUtc(video);

        using var again = await client.PostAsync("/api/sessions/demo?speed=0", null, TestContext.Current.CancellationToken);
        var second = (await again.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        await sut.WaitForAsync(second, "Completed");

        Assert.Equal(made, File.GetLastWriteTimeUtc(video));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("fast")]
    public async Task PostDemo_InvalidSpeed_Returns400WithAMessage(string speed)
    {
        await using var sut = new SmartSpotAppFactory(TestPaths.TempDirectory());

        using var response = await sut.CreateClient().PostAsync($"/api/sessions/demo?speed={speed}", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains($"'{speed}' is not valid", body.GetProperty("error").GetString());
    }
}
