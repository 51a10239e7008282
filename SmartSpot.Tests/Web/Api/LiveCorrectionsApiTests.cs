using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenCvSharp;

namespace SmartSpot.Tests.Web.Api;

/// <summary>
/// Corrections and camera checks on a live camera (a local ffmpeg stream on 127.0.0.1): SmartSpot keeps no video of it, so the
/// running analysis cuts out the frame it analyses next when asked, and keeps a few frames for checks (here one every 0.6 s, two kept).
/// </summary>
public sealed class LiveCorrectionsApiTests(LiveCorrectionsApiTests.App app) : IClassFixture<LiveCorrectionsApiTests.App>
{
    private readonly SmartSpotAppFactory _sut = app.Factory;

    private HttpClient Client => app.Client;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_OperatorOnARunningCamera_StoresTheCurrentFrameAndTheLotListsItWithACrop()
    {
        using var camera = new LiveStreamServer(size: "240x120");
        var (session, lot, framesDone) = await RunningCameraAsync(camera);

        using var response = await Client.PostAsJsonAsync($"/api/sessions/{session}/corrections", new { spotId = 2, label = "occupied" }, Cancel);

        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        var correction = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal((2, "Occupied", session), (correction.GetProperty("spotId").GetInt32(), correction.GetProperty("label").GetString(), correction.GetProperty("sessionId").GetGuid()));
        // The frame analysed after the request: later than any the session had shown before it.
        Assert.True(correction.GetProperty("frame").GetInt32() >= framesDone, $"frame {correction.GetProperty("frame")} of a session that had done {framesDone}");
        Assert.Contains(correction.GetProperty("generic").GetString(), (string[])["Free", "Occupied"]);
        var listed = Assert.Single(await ListAsync(lot));
        Assert.Equal(correction.GetProperty("id").GetGuid(), listed.GetProperty("id").GetGuid());
        using var crop = Cv2.ImDecode(await Client.GetByteArrayAsync($"/api/lots/{lot}/corrections/{listed.GetProperty("id")}/crop.png", Cancel), ImreadModes.Color);
        Assert.Equal(new Size(40, 60), crop.Size());
        Assert.True(Cv2.Mean(crop).Val0 + Cv2.Mean(crop).Val1 + Cv2.Mean(crop).Val2 > 0, "the crop holds the camera's picture, not a blank");
    }

    [Fact]
    public async Task Check_CameraLot_ShowsTheKeptFramesAndTheCurrentOneWhoseSpotsCanBeLabelledByNumber()
    {
        using var camera = new LiveStreamServer(size: "240x120");
        var (session, lot, _) = await RunningCameraAsync(camera);

        var check = await Client.GetFromJsonAsync<JsonElement>($"/api/lots/{lot}/check", Cancel);

        Assert.Equal(session, check.GetProperty("sessionId").GetGuid());
        var frames = check.GetProperty("frames").EnumerateArray().ToList();
        // The first frame is kept at once and the current one is the next analysed: at least two, at most the two kept plus the current.
        Assert.InRange(frames.Count, 2, 3);
        Assert.Equal(frames.Select(Frame).Order(), frames.Select(Frame));
        Assert.All(frames, frame => Assert.Equal([1, 2, 3, 4], frame.GetProperty("spots").EnumerateArray().Select(spot => spot.GetProperty("spotId").GetInt32())));
        var current = Frame(frames[^1]);
        using var labelled = await Client.PostAsJsonAsync($"/api/sessions/{session}/corrections", new { spotId = 1, label = "free", frame = current }, Cancel);
        Assert.True(labelled.StatusCode == HttpStatusCode.Created, $"{labelled.StatusCode}: {await labelled.Content.ReadAsStringAsync(Cancel)}");
        Assert.Equal(current, (await labelled.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("frame").GetInt32());
        using var gone = await Client.PostAsJsonAsync($"/api/sessions/{session}/corrections", new { spotId = 1, label = "free", frame = 1_000_000 }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, gone.StatusCode);
        Assert.Contains("keeps no video of a live camera, so frame 1,000,000 is gone", await DetailAsync(gone));
    }

    [Fact]
    public async Task Post_StoppedCamera_Returns400SayingThereIsNoFrameAndTheCheckSaysWhatToStart()
    {
        using var camera = new LiveStreamServer(size: "240x120");
        var (session, lot, _) = await RunningCameraAsync(camera);
        using (await Client.PostAsync($"/api/sessions/{session}/stop", null, Cancel)) { }
        await _sut.WaitForAsync(session, "Stopped");

        using var correction = await Client.PostAsJsonAsync($"/api/sessions/{session}/corrections", new { spotId = 2, label = "free" }, Cancel);
        using var check = await Client.GetAsync($"/api/lots/{lot}/check", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, correction.StatusCode);
        Assert.Contains("is not running, and SmartSpot keeps no video of a live camera", await DetailAsync(correction));
        Assert.Equal(HttpStatusCode.BadRequest, check.StatusCode);
        Assert.Contains("no running analysis of its live camera", await DetailAsync(check));
        Assert.Empty(await ListAsync(lot));
    }

    /// <summary>One app for the class; every test starts a camera and a lot of its own.</summary>
    public sealed class App : IAsyncDisposable
    {
        public SmartSpotAppFactory Factory { get; } = new(TestPaths.TempDirectory(), new Dictionary<string, string?>
        {
            ["SmartSpot:Corrections:LiveSampleMinutes"] = "0.01",
            ["SmartSpot:Corrections:CheckFrames"] = "2",
            ["SmartSpot:Pipeline:Frames:Live:ConnectTimeoutSeconds"] = "5",
        });

        public string Mask { get; } = TestLot.WriteMask(TestPaths.TempDirectory(), new Size(240, 120), "camera-mask.png");

        public HttpClient Client => field ??= Factory.CreateClient();

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Factory.DisposeAsync();
        }
    }

    /// <summary>The camera started as a lot of its own, once its analysis has analysed a few frames.</summary>
    private async Task<(Guid Session, Guid Lot, int FramesDone)> RunningCameraAsync(LiveStreamServer camera)
    {
        using var started = await _sut.UploadLiveAsync(camera.Url, app.Mask);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var session = (await started.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var shown = await _sut.GetSessionAsync(session);
            if (shown.GetProperty("status").GetString() == "Running" && shown.GetProperty("framesDone").GetInt32() >= 5)
            {
                return (session, shown.GetProperty("lotId").GetGuid(), shown.GetProperty("framesDone").GetInt32());
            }
            Assert.True(clock.Elapsed < SmartSpotAppFactory.Patience, $"timed out; the session is {shown}");
            await Task.Delay(100, Cancel);
        }
    }

    private static int Frame(JsonElement frame) => frame.GetProperty("frame").GetInt32();

    private async Task<List<JsonElement>> ListAsync(Guid lot) =>
        (await Client.GetFromJsonAsync<JsonElement>($"/api/lots/{lot}/corrections", Cancel)).EnumerateArray().ToList();

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString() ?? "";
}
