using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartSpot.Web.Storage;

namespace SmartSpot.Tests.Web.Api;

public sealed class SessionsApiTests : IAsyncLifetime
{
    private readonly SmartSpotAppFactory _sut = new(TestPaths.TempDirectory(), new Dictionary<string, string?>
    {
        ["SmartSpot:Uploads:MaxMaskBytes"] = "30000",
    });

    private readonly TestLot _lot = TestLot.Write(TestPaths.TempDirectory());

    private string Video => _lot.VideoPath;

    private string Mask => _lot.MaskPath;

    private string Uploads => Path.Combine(_sut.DataDirectory, "uploads");

    [Fact]
    public async Task Post_DrawnLot_CompletesWithCountsSpotsAndExports()
    {
        using var response = await _sut.UploadAsync(Video, Mask, ("name", "Drawn lot"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        Assert.Equal($"/api/sessions/{id}", response.Headers.Location?.ToString());

        var session = await _sut.WaitForAsync(id, "Completed");

        Assert.Equal("Drawn lot", session.GetProperty("name").GetString());
        Assert.Equal(1.0, session.GetProperty("progress").GetDouble());
        Assert.Equal(_lot.FrameCount, session.GetProperty("framesDone").GetInt32());
        var spots = session.GetProperty("spots").EnumerateArray().ToList();
        Assert.Equal(TestLot.SpotCount, spots.Count);
        Assert.Equal(TestLot.SpotCount, session.GetProperty("free").GetInt32() + session.GetProperty("occupied").GetInt32());
        Assert.All(spots, spot => Assert.Contains(spot.GetProperty("status").GetString(), new[] { "Free", "Occupied" }));
        Assert.All(spots, spot => Assert.Equal(JsonValueKind.Null, spot.GetProperty("confidence").ValueKind));

        var client = _sut.CreateClient();
        var intervals = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}/intervals.json", TestContext.Current.CancellationToken);
        var bySpot = intervals.EnumerateArray().GroupBy(i => i.GetProperty("spotId").GetInt32()).ToList();
        Assert.Equal(TestLot.SpotCount, bySpot.Count);
        Assert.All(bySpot, spot => Assert.Equal(_lot.FrameCount - 1, spot.Max(i => i.GetProperty("endFrame").GetInt32())));
        var csv = (await client.GetStringAsync($"/api/sessions/{id}/timeline.csv", TestContext.Current.CancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("frame,time,free,occupied,gap", csv[0]);
        Assert.Equal(_lot.FrameCount + 1, csv.Length);
        Assert.StartsWith("1,0.033,", csv[2]);
        var listed = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/sessions", TestContext.Current.CancellationToken)).EnumerateArray());
        Assert.Equal(TestLot.SpotCount, listed.GetProperty("spots").GetInt32());
        Assert.Equal("lot.avi", listed.GetProperty("videoFileName").GetString());
    }

    [Fact]
    public async Task Post_LotACropVideo_CompletesWithItsFrameAndSpotCounts()
    {
        TestPaths.RequireSharedData();

        var id = await _sut.StartAsync(TestPaths.LotA("parking_crop_380x452.mp4"), TestPaths.LotA("mask_crop_381x453.png"));
        var session = await _sut.WaitForAsync(id, "Completed");

        Assert.Equal(849, session.GetProperty("framesDone").GetInt32());
        Assert.Equal(14, session.GetProperty("spots").GetArrayLength());
        var csv = await _sut.CreateClient().GetStringAsync($"/api/sessions/{id}/timeline.csv", TestContext.Current.CancellationToken);
        Assert.Equal(850, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Post_TextFileAsVideo_Returns400SayingItIsNotAVideo()
    {
        var text = Path.Combine(_sut.DataDirectory, "notes.mp4");
        await File.WriteAllTextAsync(text, "this is not a video", TestContext.Current.CancellationToken);

        var error = await RefusedAsync(await _sut.UploadAsync(text, Mask));

        Assert.Contains("'notes.mp4' is named like a .mp4 video but its content is not a video", error);
        Assert.Empty(UploadedFiles());
    }

    [Fact]
    public async Task Post_PngRenamedMp4_Returns400SayingItIsAPicture()
    {
        var picture = Path.Combine(_sut.DataDirectory, "still.mp4");
        File.Copy(Mask, picture);

        var error = await RefusedAsync(await _sut.UploadAsync(picture, Mask));

        Assert.Contains("'still.mp4' is named like a .mp4 video but its content is a PNG image", error);
        Assert.Empty(UploadedFiles());
    }

    [Fact]
    public async Task Post_WrongVideoExtension_Returns400ListingTheAcceptedOnes()
    {
        var text = Path.Combine(_sut.DataDirectory, "notes.txt");
        await File.WriteAllTextAsync(text, "hello", TestContext.Current.CancellationToken);

        var error = await RefusedAsync(await _sut.UploadAsync(text, Mask));

        Assert.Contains("'notes.txt'", error);
        Assert.Contains(".mp4", error);
    }

    [Fact]
    public async Task Post_ZeroByteMask_Returns400SayingItIsEmpty()
    {
        var empty = Path.Combine(_sut.DataDirectory, "empty.png");
        await File.WriteAllBytesAsync(empty, [], TestContext.Current.CancellationToken);

        var error = await RefusedAsync(await _sut.UploadAsync(Video, empty));

        Assert.Contains("'empty.png' is empty (0 bytes)", error);
    }

    [Fact]
    public async Task Post_MaskOverConfiguredLimit_Returns400NamingLimitAndFile()
    {
        var big = Path.Combine(_sut.DataDirectory, "big-mask.png");
        await File.WriteAllBytesAsync(big, [.. await File.ReadAllBytesAsync(Mask, TestContext.Current.CancellationToken), .. new byte[40_000]], TestContext.Current.CancellationToken);

        var error = await RefusedAsync(await _sut.UploadAsync(Video, big));

        Assert.Contains("'big-mask.png' is larger than the 30,000 bytes limit", error);
        Assert.Contains("MaxMaskBytes", error);
    }

    [Fact]
    public async Task Post_MaskOfAnotherShape_Returns400ExplainingTheMismatchAndKeepsNoFile()
    {
        var square = TestLot.WriteMask(_sut.DataDirectory, new OpenCvSharp.Size(240, 240), "square.png");

        var error = await RefusedAsync(await _sut.UploadAsync(Video, square));

        Assert.Contains("The mask is 240x240 but the video is 240x120", error);
        Assert.DoesNotContain(_sut.DataDirectory, error);
        Assert.Empty(UploadedFiles());
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task Post_WithoutMask_Returns400NamingTheField()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(Video, TestContext.Current.CancellationToken)), "video", "v.avi" } };

        var error = await RefusedAsync(await _sut.CreateClient().PostAsync("/api/sessions", form, TestContext.Current.CancellationToken));

        Assert.Contains("'mask'", error);
    }

    [Fact]
    public async Task Post_TwoVideos_Returns400AndKeepsNoFile()
    {
        var bytes = await File.ReadAllBytesAsync(Video, TestContext.Current.CancellationToken);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(bytes), "video", "a.avi" },
            { new ByteArrayContent(bytes), "video", "b.avi" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(Mask, TestContext.Current.CancellationToken)), "mask", "m.png" },
        };

        var error = await RefusedAsync(await _sut.CreateClient().PostAsync("/api/sessions", form, TestContext.Current.CancellationToken));

        Assert.Contains("more than one 'video'", error);
        Assert.Empty(UploadedFiles());
    }

    [Fact]
    public async Task Post_BodyCutShort_Returns400AskingToSendAgainAndKeepsNoFile()
    {
        var video = await File.ReadAllBytesAsync(Video, TestContext.Current.CancellationToken);
        var head = Encoding.ASCII.GetBytes("--cut\r\nContent-Disposition: form-data; name=\"video\"; filename=\"lot.avi\"\r\nContent-Type: video/x-msvideo\r\n\r\n");
        using var content = new ByteArrayContent([.. head, .. video.AsSpan(0, video.Length / 2)]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut");

        var error = await RefusedAsync(await _sut.CreateClient().PostAsync("/api/sessions", content, TestContext.Current.CancellationToken));

        Assert.Contains("ended before", error);
        Assert.Contains("Send it again", error);
        Assert.Empty(UploadedFiles());
    }

    [Fact]
    public async Task Post_NotMultipart_Returns400()
    {
        var error = await RefusedAsync(await _sut.CreateClient().PostAsJsonAsync("/api/sessions", new { video = "x" }, TestContext.Current.CancellationToken));

        Assert.Contains("multipart/form-data", error);
    }

    [Fact]
    public async Task Post_NameWithBidiOverrideAndControls_IsShownWithoutThem()
    {
        var id = await _sut.StartAsync(Video, Mask, ("name", "North\u202E lot\u0007 gpj.exe\u200B"));

        var session = await _sut.GetSessionAsync(id);

        Assert.Equal("North lot gpj.exe", session.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Post_VideoFileNameOf300Characters_Returns400SayingTheNameIsTooLong()
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(Video, TestContext.Current.CancellationToken)), "video", new string('v', 296) + ".avi" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(Mask, TestContext.Current.CancellationToken)), "mask", "lot-mask.png" },
        };

        var error = await RefusedAsync(await _sut.CreateClient().PostAsync("/api/sessions", form, TestContext.Current.CancellationToken));

        Assert.Contains("The video's file name is 300 characters long", error);
        Assert.Contains("up to 200", error);
    }

    [Fact]
    public async Task Post_SessionNameTooLong_Returns400AndKeepsNoFile()
    {
        var error = await RefusedAsync(await _sut.UploadAsync(Video, Mask, ("name", new string('n', 201))));

        Assert.Contains("The session name is 201 characters long", error);
        Assert.Empty(UploadedFiles());
    }

    [Theory]
    [InlineData("0.0001")]
    [InlineData("1e-300")]
    [InlineData("1001")]
    [InlineData("NaN")]
    [InlineData("-1")]
    public async Task Speed_OutOfBounds_Returns400OnEveryEndpoint(string speed)
    {
        var client = _sut.CreateClient();
        var completed = await _sut.StartAsync(Video, Mask);
        await _sut.WaitForAsync(completed, "Completed");

        var inForm = await RefusedAsync(await _sut.UploadAsync(Video, Mask, ("speed", speed)));
        var inQuery = await RefusedAsync(await client.PostAsync($"/api/sessions?speed={speed}", Form(), TestContext.Current.CancellationToken));
        var demo = await RefusedAsync(await client.PostAsync($"/api/sessions/demo?speed={speed}", null, TestContext.Current.CancellationToken));
        var restart = await RefusedAsync(await client.PostAsync($"/api/sessions/{completed}/restart?speed={speed}", null, TestContext.Current.CancellationToken));

        Assert.All(new[] { inForm, inQuery, demo, restart }, error => Assert.Contains("from 0.1 to 1000", error));
        Assert.Single(await ListAsync());
        Assert.Equal(2, UploadedFiles().Length);
    }

    [Fact]
    public async Task Post_SpeedInTheQuery_IsTheSessionsSpeed()
    {
        using var response = await _sut.CreateClient().PostAsync("/api/sessions?speed=0.5", Form(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();

        var session = await _sut.GetSessionAsync(id);

        Assert.Equal(0.5, session.GetProperty("speed").GetDouble());
        using var stop = await _sut.CreateClient().PostAsync($"/api/sessions/{id}/stop", null, TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/intervals.json")]
    [InlineData("GET", "/timeline.csv")]
    [InlineData("GET", "/live.mjpeg")]
    [InlineData("POST", "/restart")]
    public async Task UnknownId_Returns404ProblemNamingTheId(string method, string suffix)
    {
        var id = Guid.NewGuid();

        var body = await ProblemAsync(HttpStatusCode.NotFound, new HttpMethod(method), $"/api/sessions/{id}{suffix}");

        Assert.Contains(id.ToString(), body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/sessions/not-a-guid")]
    [InlineData("GET", "/api/sessions/not-a-guid/timeline.csv")]
    [InlineData("POST", "/api/sessions/not-a-guid/stop")]
    [InlineData("GET", "/api/no-such-thing")]
    public async Task MalformedIdOrUnknownPath_Returns404ProblemDetailsNotAPage(string method, string path)
    {
        var body = await ProblemAsync(HttpStatusCode.NotFound, new HttpMethod(method), path);

        Assert.Equal(404, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Restart_CompletedSession_RunsItAgainWithTheSameId()
    {
        var id = await _sut.StartAsync(Video, Mask);
        var first = await _sut.WaitForAsync(id, "Completed");

        using var response = await _sut.CreateClient().PostAsync($"/api/sessions/{id}/restart", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var second = await _sut.WaitForAsync(id, "Completed");
        Assert.Equal(first.GetProperty("occupied").GetInt32(), second.GetProperty("occupied").GetInt32());
        var csv = await _sut.CreateClient().GetStringAsync($"/api/sessions/{id}/timeline.csv", TestContext.Current.CancellationToken);
        Assert.Equal(_lot.FrameCount + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        await using var db = await _sut.Services.GetRequiredService<IDbContextFactory<SmartSpotDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(TestLot.SpotCount, await db.Spots.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PauseResumeStop_RunningSession_HoldsContinuesAndEnds()
    {
        var client = _sut.CreateClient();
        var lot = TestLot.Write(TestPaths.TempDirectory(), frames: 300);
        var id = await _sut.StartAsync(lot.VideoPath, lot.MaskPath, ("speed", "1"));
        await _sut.WaitForAsync(id, "Running");

        using var pause = await client.PostAsync($"/api/sessions/{id}/pause", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, pause.StatusCode);
        var paused = await _sut.WaitForAsync(id, "Paused");
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.InRange((await _sut.GetSessionAsync(id)).GetProperty("framesDone").GetInt32(), 0, paused.GetProperty("framesDone").GetInt32() + 1);

        using var resume = await client.PostAsync($"/api/sessions/{id}/resume", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        var running = await _sut.WaitForAsync(id, "Running");
        for (var tries = 0; running.GetProperty("framesDone").GetInt32() == 0 && tries < 200; tries++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            running = await _sut.GetSessionAsync(id);
        }
        Assert.All(running.GetProperty("spots").EnumerateArray(), spot =>
        {
            Assert.InRange(spot.GetProperty("confidence").GetDouble(), 0.5, 1.0);
            Assert.Equal(spot.GetProperty("confidence").GetDouble() < 0.8, spot.GetProperty("uncertain").GetBoolean());
        });
        using var stop = await client.PostAsync($"/api/sessions/{id}/stop", null, TestContext.Current.CancellationToken);
        var stopped = await _sut.WaitForAsync(id, "Stopped");
        Assert.InRange(stopped.GetProperty("framesDone").GetInt32(), 1, 299);
        var csv = await client.GetStringAsync($"/api/sessions/{id}/timeline.csv", TestContext.Current.CancellationToken);
        Assert.Equal(stopped.GetProperty("framesDone").GetInt32() + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        await ProblemAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/sessions/{id}/pause");
    }

    [Fact]
    public async Task Post_UploadsFolderUnusable_Returns500WithAMessageNotAStackTraceOrPath()
    {
        await File.WriteAllTextAsync(Uploads, "a file where the folder should be", TestContext.Current.CancellationToken);

        using var response = await _sut.UploadAsync(Video, Mask);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error").GetString();
        Assert.Contains("could not complete the request", error);
        Assert.DoesNotContain(" at ", error);
        Assert.DoesNotContain(_sut.DataDirectory, error);
    }

    [Fact]
    public async Task Healthz_ReturnsHealthy()
    {
        var body = await _sut.CreateClient().GetStringAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal("Healthy", body);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _sut.DisposeAsync();

    private MultipartFormDataContent Form() => new()
    {
        { new ByteArrayContent(File.ReadAllBytes(Video)), "video", "lot.avi" },
        { new ByteArrayContent(File.ReadAllBytes(Mask)), "mask", "lot-mask.png" },
    };

    private string[] UploadedFiles() =>
        Directory.Exists(Uploads) ? Directory.GetFiles(Uploads).Where(path => !Path.GetFileName(path).StartsWith('.')).ToArray() : [];

    private async Task<List<JsonElement>> ListAsync() =>
        (await _sut.CreateClient().GetFromJsonAsync<JsonElement>("/api/sessions", TestContext.Current.CancellationToken)).EnumerateArray().ToList();

    private async Task<JsonElement> ProblemAsync(HttpStatusCode status, HttpMethod method, string path)
    {
        using var response = await _sut.CreateClient().SendAsync(new HttpRequestMessage(method, path), TestContext.Current.CancellationToken);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private static async Task<string> RefusedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.GetProperty("error").GetString()!;
        }
    }
}
