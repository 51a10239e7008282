using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartSpot.Web.Sessions;
using SmartSpot.Web.Storage;

namespace SmartSpot.Tests.Web.Api;

/// <summary>Live sessions from a camera URL: a local ffmpeg stream on 127.0.0.1 that drops and comes back. Nothing leaves the machine.</summary>
public sealed class LiveSessionTests : IAsyncLifetime
{
    private const string Secret = "s3cret-pass";

    private readonly LogCapture _logs = new();
    private readonly SmartSpotAppFactory _sut;
    private readonly string _mask = TestLot.WriteMask(TestPaths.TempDirectory(), new OpenCvSharp.Size(240, 120), "camera-mask.png");

    public LiveSessionTests() => _sut = new SmartSpotAppFactory(TestPaths.TempDirectory(), new Dictionary<string, string?>
    {
        // A drop shows within a second or two; the stored timeline keeps a point every half second between changes.
        ["SmartSpot:Pipeline:Frames:Live:StallSeconds"] = "2",
        ["SmartSpot:Pipeline:Frames:Live:ConnectTimeoutSeconds"] = "5",
        ["SmartSpot:Analysis:LiveTimelineSeconds"] = "0.5",
    }, services => services.AddLogging(logging => logging.AddProvider(_logs).AddFilter<LogCapture>(null, LogLevel.Trace)));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _sut.DisposeAsync();

    [Fact]
    public async Task Post_Url_RunsLiveThroughADropAndRecordsTheGapWithCredentialsMaskedEverywhere()
    {
        using var camera = new LiveStreamServer(size: "240x120");
        var url = camera.Url.Replace("http://", $"http://viewer:{Secret}@", StringComparison.Ordinal);
        using var response = await _sut.UploadLiveAsync(url, _mask, ("name", "Gate camera"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();

        var live = await WaitUntilAsync(id, session => Stream(session) is { } stream && Status(stream) == "Live" && session.GetProperty("framesDone").GetInt32() >= 30);
        Assert.Equal("Running", live.GetProperty("status").GetString());
        Assert.Equal($"http://***@127.0.0.1:{camera.Port}/live.ts", live.GetProperty("videoFileName").GetString());
        Assert.All(live.GetProperty("spots").EnumerateArray(), spot => Assert.False(spot.GetProperty("stale").GetBoolean()));

        camera.Kill();
        var dropped = await WaitUntilAsync(id, session => Status(Stream(session)!.Value) == "Reconnecting" && Stream(session)!.Value.GetProperty("lastError").GetString() is not null);
        Assert.All(dropped.GetProperty("spots").EnumerateArray(), spot =>
        {
            Assert.True(spot.GetProperty("stale").GetBoolean());
            Assert.NotEqual(JsonValueKind.Null, spot.GetProperty("status").ValueKind);
        });
        var framesBeforeTheGap = dropped.GetProperty("framesDone").GetInt32();

        camera.Start();
        var back = await WaitUntilAsync(id, session => Stream(session) is { } stream && Status(stream) == "Live"
            && stream.GetProperty("reconnects").GetInt32() == 1 && session.GetProperty("framesDone").GetInt32() > framesBeforeTheGap + 30);
        Assert.All(back.GetProperty("spots").EnumerateArray(), spot => Assert.False(spot.GetProperty("stale").GetBoolean()));
        using var stop = await _sut.CreateClient().PostAsync($"/api/sessions/{id}/stop", null, TestContext.Current.CancellationToken);
        var stopped = await _sut.WaitForAsync(id, "Stopped");

        await using var db = await _sut.Services.GetRequiredService<IDbContextFactory<SmartSpotDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var timeline = await db.TimelinePoints.Where(p => p.SessionId == id).OrderBy(p => p.Frame).ToListAsync(TestContext.Current.CancellationToken);
        var gap = Assert.Single(timeline, point => point.FollowsGap);
        var beforeGap = timeline[timeline.IndexOf(gap) - 1];
        Assert.True(gap.Seconds - beforeGap.Seconds >= 1, $"the stored timeline jumps {gap.Seconds - beforeGap.Seconds:0.00} s over the gap");
        // Not a point up to half a second older: the frame analysed last before the drop. Frames already read when the
        // drop showed may still have been analysed after it, so only its lower bound is known here.
        Assert.True(beforeGap.Frame >= framesBeforeTheGap - 1, $"the last frame before the gap is stored: the point before the gap is frame {beforeGap.Frame}, and {framesBeforeTheGap} frames had been analysed when the drop showed");
        Assert.True(timeline.Count < stopped.GetProperty("framesDone").GetInt32() / 3, $"{timeline.Count} stored points of {stopped.GetProperty("framesDone")} frames: downsampled");
        var row = await db.Sessions.SingleAsync(s => s.Id == id, TestContext.Current.CancellationToken);
        // Like a one-step upload, the camera became a lot of its own with the mask's spots, named after its masked URL.
        var lot = await db.Lots.SingleAsync(l => l.Id == stopped.GetProperty("lotId").GetGuid(), TestContext.Current.CancellationToken);
        Assert.Equal((SessionKind.Stream, $"http://***@127.0.0.1:{camera.Port}/live.ts"), (lot.Kind, lot.Name));
        Assert.Equal(live.GetProperty("spots").GetArrayLength(), await db.LotSpots.CountAsync(spot => spot.LotId == lot.Id, TestContext.Current.CancellationToken));
        var everything = string.Join('\n', [row.VideoFileName, row.VideoPath, row.Error ?? "", lot.Name, lot.VideoPath, lot.LiveUrl ?? "", stopped.ToString(), dropped.ToString(), .. _logs.Lines]);
        Assert.DoesNotContain(Secret, everything);
        Assert.Equal($"http://***@127.0.0.1:{camera.Port}/live.ts", row.VideoPath);
    }

    [Fact]
    public async Task Post_NotAStreamUrl_IsRefusedWithWhatToGive()
    {
        using var response = await _sut.UploadLiveAsync($"ftp://admin:{Secret}@camera/stream", _mask);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("rtsp://, rtsps://, http:// or https://", problem);
        Assert.DoesNotContain(Secret, problem);
        Assert.DoesNotContain(Directory.EnumerateFiles(Path.Combine(_sut.DataDirectory, "uploads")), file => !Path.GetFileName(file).StartsWith('.'));
    }

    private static JsonElement? Stream(JsonElement session) =>
        session.GetProperty("stream") is { ValueKind: JsonValueKind.Object } stream ? stream : null;

    private static string? Status(JsonElement stream) => stream.GetProperty("status").GetString();

    private async Task<JsonElement> WaitUntilAsync(Guid id, Func<JsonElement, bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var session = await _sut.GetSessionAsync(id);
            if (condition(session)) return session;
            Assert.True(clock.Elapsed < SmartSpotAppFactory.Patience, $"timed out; the session is {session}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
