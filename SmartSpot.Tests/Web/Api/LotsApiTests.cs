using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartSpot.Vision.Classification;

namespace SmartSpot.Tests.Web.Api;

/// <summary>/api/lots on the drawn four-spot lot: make a lot of a video, its spots from a mask or a lot file, the exports read back the same, refusals name the spots, zones are counted.</summary>
public sealed class LotsApiTests : IAsyncLifetime
{
    // Drawn frames: a bright crop is a car, so the counts are known.
    private readonly SmartSpotAppFactory _sut = new(TestPaths.TempDirectory(), services: services => services.AddTransient<ISpotClassifier, BrightnessClassifier>());

    private readonly TestLot _lot = TestLot.Write(TestPaths.TempDirectory());

    private HttpClient Client => field ??= _sut.CreateClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mask_ImportedThenExported_ReadsBackAsTheSameSpots()
    {
        var lot = await CreateLotAsync("Drawn lot");
        Assert.Equal(0, lot.GetProperty("spots").GetArrayLength());
        Assert.Equal(TestLot.FrameSize.Width, lot.GetProperty("frame").GetProperty("width").GetInt32());

        var imported = await PutAsync($"/api/lots/{Id(lot)}/mask", await File.ReadAllBytesAsync(_lot.MaskPath, Cancel), "image/png");
        var exported = await Client.GetByteArrayAsync($"/api/lots/{Id(imported)}/mask.png", Cancel);
        var other = await CreateLotAsync("Same camera");
        var reimported = await PutAsync($"/api/lots/{Id(other)}/mask", exported, "image/png");

        Assert.Equal(TestLot.SpotCount, imported.GetProperty("spots").GetArrayLength());
        Assert.Equal(Outlines(imported), Outlines(reimported));
        Assert.Equal(["1", "2", "3", "4"], imported.GetProperty("spots").EnumerateArray().Select(spot => spot.GetProperty("name").GetString()));
        var box = imported.GetProperty("spots")[1].GetProperty("box");
        Assert.Equal((70, 30, 40, 60), (box.GetProperty("x").GetInt32(), box.GetProperty("y").GetInt32(), box.GetProperty("width").GetInt32(), box.GetProperty("height").GetInt32()));
    }

    [Fact]
    public async Task LotFile_ExportedAndImported_KeepsSpotsZonesNamesAndSettings()
    {
        var lot = await CreateLotAsync("North camera");
        await PutAsync($"/api/lots/{Id(lot)}/layout", LayoutJson(zones: """[{ "id": 1, "name": "Row A", "spots": [1, 2] }, { "id": 2, "name": "EV", "spots": [2, 3] }]""", speed: "2"), "application/json");
        var file = await Client.GetByteArrayAsync($"/api/lots/{Id(lot)}/lot.json", Cancel);

        using var form = new MultipartFormDataContent
        {
            { Content(_lot.VideoPath), "video", "lot.avi" },
            { new ByteArrayContent(file), "lot", "north-lot.json" },
        };
        using var created = await Client.PostAsync("/api/lots", form, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var copy = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal("North camera", copy.GetProperty("name").GetString());
        Assert.Equal(Outlines(await GetLotAsync(Id(lot))), Outlines(copy));
        Assert.Equal(["B1", "B2", "B3", "B4"], copy.GetProperty("spots").EnumerateArray().Select(spot => spot.GetProperty("name").GetString()));
        Assert.Equal(["1 Row A: 1,2", "2 EV: 2,3"], copy.GetProperty("zones").EnumerateArray()
            .Select(zone => $"{zone.GetProperty("id").GetInt32()} {zone.GetProperty("name").GetString()}: {string.Join(',', zone.GetProperty("spots").EnumerateArray().Select(id => id.GetInt32()))}"));
        Assert.Equal(2, copy.GetProperty("settings").GetProperty("speed").GetDouble());
    }

    [Fact]
    public async Task Layout_WithOverlappingSpots_IsRefusedNamingBothAndKeepsTheOldSpots()
    {
        var lot = await CreateLotAsync("Overlaps");
        await PutAsync($"/api/lots/{Id(lot)}/layout", LayoutJson(), "application/json");
        var overlapping = """
            { "format": "smartspot-lot", "version": 1, "frame": { "width": 240, "height": 120 },
              "spots": [ { "id": 1, "name": "A", "corners": [[10, 30], [50, 30], [50, 90], [10, 90]] },
                         { "id": 2, "name": "B", "corners": [[30, 30], [70, 30], [70, 90], [30, 90]] } ] }
            """;

        using var response = await Client.PutAsync($"/api/lots/{Id(lot)}/layout", new StringContent(overlapping, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Contains("A and B overlap", problem.GetProperty("error").GetString());
        var first = problem.GetProperty("problems")[0];
        Assert.Equal("overlap", first.GetProperty("kind").GetString());
        Assert.Equal([1, 2], first.GetProperty("spotIds").EnumerateArray().Select(id => id.GetInt32()));
        Assert.Equal(TestLot.SpotCount, (await GetLotAsync(Id(lot))).GetProperty("spots").GetArrayLength());
    }

    [Fact]
    public async Task Analysis_OfALotWithZones_CountsEachZoneInTheSessionAndBothTimelines()
    {
        var lot = await CreateLotAsync("Zoned");
        // Spot 2 is taken from a third of the way in; Row A = 1, 2 and EV = 2, 3, 4.
        await PutAsync($"/api/lots/{Id(lot)}/layout", LayoutJson(zones: """[{ "id": 1, "name": "Row A", "spots": [1, 2] }, { "id": 2, "name": "EV", "spots": [2, 3, 4] }]"""), "application/json");

        using var started = await Client.PostAsync($"/api/lots/{Id(lot)}/sessions", null, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var sessionId = (await started.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var session = await _sut.WaitForAsync(sessionId, "Completed");

        Assert.Equal(Id(lot), session.GetProperty("lotId").GetGuid());
        var zones = session.GetProperty("zones").EnumerateArray().Select(zone => (zone.GetProperty("name").GetString(), zone.GetProperty("free").GetInt32(), zone.GetProperty("occupied").GetInt32()));
        Assert.Equal([("Row A", 1, 1), ("EV", 2, 1)], zones);

        var csv = (await Client.GetStringAsync($"/api/sessions/{sessionId}/timeline.csv", Cancel)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("frame,time,free,occupied,gap,Row A free,Row A occupied,EV free,EV occupied", csv[0]);
        Assert.EndsWith(",3,1,0,1,1,2,1", csv[^1]);
        Assert.EndsWith(",4,0,0,2,0,3,0", csv[1]);

        var json = await Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/timeline.json", Cancel);
        var last = json.GetProperty("points").EnumerateArray().Last();
        Assert.Equal(1, last.GetProperty("zones")[0].GetProperty("occupied").GetInt32());
        Assert.Equal(2, last.GetProperty("zones")[1].GetProperty("free").GetInt32());
        Assert.Equal("EV", json.GetProperty("zones")[1].GetProperty("name").GetString());
    }

    [Fact]
    public async Task OneStepUpload_MakesALotNamedAfterTheVideoWithTheMasksSpots()
    {
        var sessionId = await _sut.StartAsync(_lot.VideoPath, _lot.MaskPath, ("name", "First look"));
        var session = await _sut.GetSessionAsync(sessionId);

        var lot = await GetLotAsync(session.GetProperty("lotId").GetGuid());

        Assert.Equal("lot", lot.GetProperty("name").GetString());
        Assert.Equal(TestLot.SpotCount, lot.GetProperty("spots").GetArrayLength());
        var listed = Assert.Single((await Client.GetFromJsonAsync<JsonElement>("/api/lots", Cancel)).EnumerateArray());
        Assert.Equal(1, listed.GetProperty("sessions").GetInt32());
        await _sut.WaitForAsync(sessionId, "Completed");
    }

    [Theory]
    [InlineData("""{ "format": "labelme", "shapes": [] }""", "is not a SmartSpot lot file")]
    [InlineData("""{ "spots": [] }""", "gives no \"frame\"")]
    [InlineData("""{ "format": "smartspot-lot", "version": 7 }""", "newer SmartSpot")]
    [InlineData("""{ "format": "smartspot-lot", """, "not valid JSON")]
    public async Task LotFile_ThatIsNotOne_IsRefusedWithWhatToDo(string body, string message)
    {
        var lot = await CreateLotAsync("Bad file");

        using var response = await Client.PutAsync($"/api/lots/{Id(lot)}/layout", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("error").GetString());
    }

    /// <summary>The drawn lot's four spots as a lot file, named B1..B4, with <paramref name="zones"/> (a JSON array).</summary>
    private static string LayoutJson(string zones = "[]", string speed = "null") => $$"""
        { "format": "smartspot-lot", "version": 1, "frame": { "width": 240, "height": 120 },
          "spots": [ { "id": 1, "name": "B1", "corners": [[10, 30], [50, 30], [50, 90], [10, 90]] },
                     { "id": 2, "name": "B2", "corners": [[70, 30], [110, 30], [110, 90], [70, 90]] },
                     { "id": 3, "name": "B3", "corners": [[130, 30], [170, 30], [170, 90], [130, 90]] },
                     { "id": 4, "name": "B4", "corners": [[190, 30], [230, 30], [230, 90], [190, 90]] } ],
          "zones": {{zones}}, "settings": { "speed": {{speed}} } }
        """;

    private async Task<JsonElement> CreateLotAsync(string name)
    {
        using var form = new MultipartFormDataContent { { Content(_lot.VideoPath), "video", "lot.avi" }, { new StringContent(name), "name" } };
        using var response = await Client.PostAsync("/api/lots", form, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private async Task<JsonElement> GetLotAsync(Guid id) => await Client.GetFromJsonAsync<JsonElement>($"/api/lots/{id}", Cancel);

    private async Task<JsonElement> PutAsync(string path, object body, string type)
    {
        using var content = body is byte[] bytes ? new ByteArrayContent(bytes) : new StringContent((string)body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        using var response = await Client.PutAsync(path, content, Cancel);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {path}: {(int)response.StatusCode} {answer}");
        return answer;
    }

    private static Guid Id(JsonElement lot) => lot.GetProperty("id").GetGuid();

    private static List<string> Outlines(JsonElement lot) =>
        [.. lot.GetProperty("spots").EnumerateArray().Select(spot => $"{spot.GetProperty("id").GetInt32()}:{spot.GetProperty("corners").GetRawText()}")];

    private static ByteArrayContent Content(string path) => new(File.ReadAllBytes(path));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _sut.DisposeAsync();
    }
}
