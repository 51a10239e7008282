using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmartSpot.Tests.Web.Alerts;

namespace SmartSpot.Tests.Web.Api;

[Collection(AlertsAppCollection.Name)]
public sealed class AlertsApiTests(AlertsAppFixture fixture)
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    [Fact]
    public async Task PostGetDelete_RulesOnLotAndZone_AreListedDescribedAndRemoved()
    {
        var lot = await fixture.CreateLotAsync("Rules lot");

        var zoneRule = await CreatedAsync(lot, new { kind = "freeAtOrBelow", zoneId = AlertsAppFixture.RowAZoneId, threshold = 1 });
        var lotRule = await CreatedAsync(lot, new { kind = "Overstay", durationSeconds = 7200 });
        var listed = await ListAsync(lot);

        Assert.Equal(
            [("Row A", "FreeAtOrBelow", "free at or below 1"), ("Lot", "Overstay", "a spot occupied for 2 h or longer")],
            listed.Select(rule => (rule.GetProperty("scope").GetString(), rule.GetProperty("kind").GetString(), rule.GetProperty("description").GetString())));
        Assert.Equal(7200, listed[1].GetProperty("durationSeconds").GetInt32());
        Assert.Equal(JsonValueKind.Null, listed[1].GetProperty("threshold").ValueKind);

        using var deleted = await _client.DeleteAsync($"/api/lots/{lot}/alerts/{zoneRule}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal([lotRule], (await ListAsync(lot)).Select(rule => rule.GetProperty("id").GetString()));
        using var again = await _client.DeleteAsync($"/api/lots/{lot}/alerts/{zoneRule}", TestContext.Current.CancellationToken);
        Assert.Equal("No such rule", (await ProblemAsync(again, HttpStatusCode.NotFound)).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("""{"kind":"FreeSometimes","threshold":3}""", "must be one of \"FreeAtOrBelow\"")]
    [InlineData("""{"kind":"2","threshold":3}""", "must be one of")]
    [InlineData("""{"threshold":3}""", "it was missing")]
    [InlineData("""{"kind":"FreeAtOrAbove"}""", "needs a \"threshold\"")]
    [InlineData("""{"kind":"FreeAtOrAbove","threshold":-1}""", "from 0 to 100000")]
    [InlineData("""{"kind":"CameraOffline","durationSeconds":0}""", "needs a \"durationSeconds\"")]
    [InlineData("""{"kind":"Overstay","durationSeconds":99999999}""", "30 days")]
    [InlineData("""{"kind":"FreeAtOrBelow","zoneId":9,"threshold":3}""", "no zone 9 (its zones are 1 (Row A))")]
    [InlineData("""{"kind":"FreeAtOrBelow","threshold":"three"}""", "the wrong type at $.threshold")]
    [InlineData("""{"kind":""", "malformed")]
    [InlineData("", "malformed")]
    public async Task Post_BadRule_Returns400SayingWhatToSend(string body, string message)
    {
        var lot = await fixture.SharedLotAsync();

        using var response = await _client.PostAsync($"/api/lots/{lot}/alerts", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(message, problem.GetProperty("detail").GetString());
        Assert.Empty(await ListAsync(lot));
    }

    [Fact]
    public async Task Post_MoreThanTheLimit_Returns400NamingTheSetting()
    {
        var lot = await fixture.CreateLotAsync("Full lot");
        for (var i = 0; i < AlertsAppFixture.MaxRulesPerLot; i++) await CreatedAsync(lot, new { kind = "FreeAtOrAbove", threshold = i });

        using var response = await _client.PostAsJsonAsync($"/api/lots/{lot}/alerts", new { kind = "FreeAtOrAbove", threshold = 9 }, TestContext.Current.CancellationToken);

        Assert.Contains("SmartSpot:Alerts:Rules:MaxPerLot", (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        Assert.Equal(AlertsAppFixture.MaxRulesPerLot, (await ListAsync(lot)).Count);
    }

    [Theory]
    [InlineData("GET", "not-a-lot")]
    [InlineData("GET", "6f1c5b8e-0000-4000-8000-000000000000")]
    [InlineData("POST", "6f1c5b8e-0000-4000-8000-000000000000")]
    public async Task Request_UnknownLot_Returns404(string method, string lot)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/lots/{lot}/alerts")
        {
            Content = method == "POST" ? JsonContent.Create(new { kind = "FreeAtOrBelow", threshold = 1 }) : null,
        };

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("No such lot", (await ProblemAsync(response, HttpStatusCode.NotFound)).GetProperty("title").GetString());
    }

    private async Task<string> CreatedAsync(Guid lot, object rule)
    {
        using var response = await _client.PostAsJsonAsync($"/api/lots/{lot}/alerts", rule, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString()!;
        Assert.Equal($"/api/lots/{lot}/alerts/{id}", response.Headers.Location?.ToString());
        return id;
    }

    private async Task<IReadOnlyList<JsonElement>> ListAsync(Guid lot) =>
        [.. (await _client.GetFromJsonAsync<JsonElement>($"/api/lots/{lot}/alerts", TestContext.Current.CancellationToken)).EnumerateArray()];

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}
