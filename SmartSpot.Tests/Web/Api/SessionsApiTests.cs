using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SmartSpot.Tests.Web.Api;

public sealed class SessionsApiTests : IAsyncLifetime
{
    private readonly SmartSpotAppFactory _sut = new(TestPaths.TempDirectory(), new Dictionary<string, string?>
    {
        ["SmartSpot:Uploads:MaxMaskBytes"] = "30000",
    });

    private static string Video => TestPaths.LotA("parking_crop_380x452.mp4");

    private static string Mask => TestPaths.LotA("mask_crop_381x453.png");

    [Fact]
    public async Task Post_CropVideoAndMask_CompletesWithCountsSpotsAndExports()
    {
        TestPaths.RequireSharedData();
        using var response = await _sut.UploadAsync(Video, Mask, ("name", "Lot A crop"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        Assert.Equal($"/api/sessions/{id}", response.Headers.Location?.ToString());

        var session = await _sut.WaitForAsync(id, "Completed");

        Assert.Equal("Lot A crop", session.GetProperty("name").GetString());
        Assert.Equal(1.0, session.GetProperty("progress").GetDouble());
        Assert.Equal(849, session.GetProperty("framesDone").GetInt32());
        var spots = session.GetProperty("spots").EnumerateArray().ToList();
        Assert.Equal(14, spots.Count);
        Assert.Equal(14, session.GetProperty("free").GetInt32() + session.GetProperty("occupied").GetInt32());
        Assert.All(spots, spot => Assert.Contains(spot.GetProperty("status").GetString(), new[] { "Free", "Occupied" }));

        var client = _sut.CreateClient();
        var intervals = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}/intervals.json", TestContext.Current.CancellationToken);
        var bySpot = intervals.EnumerateArray().GroupBy(i => i.GetProperty("spotId").GetInt32()).ToList();
        Assert.Equal(14, bySpot.Count);
        Assert.All(bySpot, spot => Assert.Equal(848, spot.Max(i => i.GetProperty("endFrame").GetInt32())));

        var csv = (await client.GetStringAsync($"/api/sessions/{id}/timeline.csv", TestContext.Current.CancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("frame,time,free,occupied", csv[0]);
        Assert.Equal(850, csv.Length);
        Assert.StartsWith("1,0.033,", csv[2]);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/sessions", TestContext.Current.CancellationToken);
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal(14, listed.GetProperty("spots").GetInt32());
        Assert.Equal("parking_crop_380x452.mp4", listed.GetProperty("videoFileName").GetString());
    }

    [Fact]
    public async Task Post_TextFileAsVideo_Returns400SayingItIsNotAVideo()
    {
        TestPaths.RequireSharedData();
        var text = Path.Combine(_sut.DataDirectory, "notes.mp4");
        await File.WriteAllTextAsync(text, "this is not a video", TestContext.Current.CancellationToken);

        var error = await RefusedAsync(await _sut.UploadAsync(text, Mask));

        Assert.Contains("'notes.mp4' is not a video", error);
        Assert.Empty(Directory.GetFiles(Path.Combine(_sut.DataDirectory, "uploads")));
    }

    [Fact]
    public async Task Post_WrongVideoExtension_Returns400ListingTheAcceptedOnes()
    {
        TestPaths.RequireSharedData();
        var text = Path.Combine(_sut.DataDirectory, "notes.txt");
        await File.WriteAllTextAsync(text, "hello", TestContext.Current.CancellationToken);

        var error = await RefusedAsync(await _sut.UploadAsync(text, Mask));

        Assert.Contains("'notes.txt'", error);
        Assert.Contains(".mp4", error);
    }

    [Fact]
    public async Task Post_ZeroByteMask_Returns400SayingItIsEmpty()
    {
        TestPaths.RequireSharedData();
        var empty = Path.Combine(_sut.DataDirectory, "empty.png");
        await File.WriteAllBytesAsync(empty, [], TestContext.Current.CancellationToken);

        var error = await RefusedAsync(await _sut.UploadAsync(Video, empty));

        Assert.Contains("'empty.png' is empty (0 bytes)", error);
    }

    [Fact]
    public async Task Post_MaskOverConfiguredLimit_Returns400NamingLimitAndFile()
    {
        TestPaths.RequireSharedData();
        var big = Path.Combine(_sut.DataDirectory, "big-mask.png");
        File.Copy(TestPaths.LotA("mask_1920x1080.png"), big);

        var error = await RefusedAsync(await _sut.UploadAsync(Video, big));

        Assert.Contains("'big-mask.png' is larger than the 30,000 bytes limit", error);
        Assert.Contains("MaxMaskBytes", error);
    }

    [Fact]
    public async Task Post_MaskOfAnotherShape_Returns400ExplainingTheMismatch()
    {
        TestPaths.RequireSharedData();

        var error = await RefusedAsync(await _sut.UploadAsync(Video, TestPaths.LotA("mask_1280x720.png")));

        Assert.Contains("The mask is 1280x720 but the video is 380x452", error);
    }

    [Fact]
    public async Task Post_WithoutMask_Returns400NamingTheField()
    {
        TestPaths.RequireSharedData();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(Video, TestContext.Current.CancellationToken)), "video", "v.mp4" } };

        var error = await RefusedAsync(await _sut.CreateClient().PostAsync("/api/sessions", form, TestContext.Current.CancellationToken));

        Assert.Contains("'mask'", error);
    }

    [Fact]
    public async Task Post_TwoVideos_Returns400AndKeepsNoFile()
    {
        TestPaths.RequireSharedData();
        var bytes = await File.ReadAllBytesAsync(Video, TestContext.Current.CancellationToken);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(bytes), "video", "a.mp4" },
            { new ByteArrayContent(bytes), "video", "b.mp4" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(Mask, TestContext.Current.CancellationToken)), "mask", "m.png" },
        };

        var error = await RefusedAsync(await _sut.CreateClient().PostAsync("/api/sessions", form, TestContext.Current.CancellationToken));

        Assert.Contains("more than one 'video'", error);
        Assert.Empty(Directory.GetFiles(Path.Combine(_sut.DataDirectory, "uploads")));
    }

    [Fact]
    public async Task Post_NotMultipart_Returns400()
    {
        var error = await RefusedAsync(await _sut.CreateClient().PostAsJsonAsync("/api/sessions", new { video = "x" }, TestContext.Current.CancellationToken));

        Assert.Contains("multipart/form-data", error);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/intervals.json")]
    [InlineData("GET", "/timeline.csv")]
    [InlineData("POST", "/restart")]
    public async Task UnknownId_Returns404WithMessage(string method, string suffix)
    {
        var id = Guid.NewGuid();

        using var response = await _sut.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/sessions/{id}{suffix}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains(id.ToString(), body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Restart_CompletedSession_RunsItAgainWithTheSameId()
    {
        TestPaths.RequireSharedData();
        var id = await _sut.StartAsync(Video, Mask);
        var first = await _sut.WaitForAsync(id, "Completed");

        using var response = await _sut.CreateClient().PostAsync($"/api/sessions/{id}/restart", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var second = await _sut.WaitForAsync(id, "Completed");
        Assert.Equal(first.GetProperty("occupied").GetInt32(), second.GetProperty("occupied").GetInt32());
        var csv = await _sut.CreateClient().GetStringAsync($"/api/sessions/{id}/timeline.csv", TestContext.Current.CancellationToken);
        Assert.Equal(850, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task PauseResumeStop_RunningSession_HoldsContinuesAndEnds()
    {
        TestPaths.RequireSharedData();
        var client = _sut.CreateClient();
        var id = await _sut.StartAsync(Video, Mask, ("speed", "1"));
        await _sut.WaitForAsync(id, "Running");

        using var pause = await client.PostAsync($"/api/sessions/{id}/pause", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, pause.StatusCode);
        var paused = await _sut.WaitForAsync(id, "Paused");
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.InRange((await _sut.GetSessionAsync(id)).GetProperty("framesDone").GetInt32(), 0, paused.GetProperty("framesDone").GetInt32() + 1);

        using var resume = await client.PostAsync($"/api/sessions/{id}/resume", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        await _sut.WaitForAsync(id, "Running");
        while ((await _sut.GetSessionAsync(id)).GetProperty("framesDone").GetInt32() == 0)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        using var stop = await client.PostAsync($"/api/sessions/{id}/stop", null, TestContext.Current.CancellationToken);
        var stopped = await _sut.WaitForAsync(id, "Stopped");
        Assert.InRange(stopped.GetProperty("framesDone").GetInt32(), 1, 848);
        var csv = await client.GetStringAsync($"/api/sessions/{id}/timeline.csv", TestContext.Current.CancellationToken);
        Assert.Equal(stopped.GetProperty("framesDone").GetInt32() + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Post_UploadsFolderUnusable_Returns500WithAMessageNotAStackTrace()
    {
        TestPaths.RequireSharedData();
        await File.WriteAllTextAsync(Path.Combine(_sut.DataDirectory, "uploads"), "a file where the folder should be", TestContext.Current.CancellationToken);

        using var response = await _sut.UploadAsync(Video, Mask);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var error = body.GetProperty("error").GetString();
        Assert.Contains("could not store or read a file", error);
        Assert.DoesNotContain(" at ", error);
    }

    [Fact]
    public async Task Healthz_ReturnsHealthy()
    {
        var body = await _sut.CreateClient().GetStringAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal("Healthy", body);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _sut.DisposeAsync();

    private static async Task<string> RefusedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return body.GetProperty("error").GetString()!;
        }
    }
}
