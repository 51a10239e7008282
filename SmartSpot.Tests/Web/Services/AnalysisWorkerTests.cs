using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartSpot.Vision.Classification;
using SmartSpot.Web.Services;

namespace SmartSpot.Tests.Web.Services;

public sealed class AnalysisWorkerTests
{
    private static string Video => TestPaths.LotA("parking_crop_380x452.mp4");

    private static string Mask => TestPaths.LotA("mask_crop_381x453.png");

    [Fact]
    public async Task FailingSession_BecomesFailedWithItsMessage_AndTheNextOneRuns()
    {
        TestPaths.RequireSharedData();
        await using var sut = new SmartSpotAppFactory(
            TestPaths.TempDirectory(),
            new Dictionary<string, string?> { ["SmartSpot:Analysis:MaxConcurrentSessions"] = "1" },
            services => services.AddSingleton<ISpotClassifier, FailingOnceClassifier>());

        var failing = await sut.StartAsync(Video, Mask);
        var next = await sut.StartAsync(Video, Mask);

        var failed = await sut.WaitForAsync(failing, "Failed");
        Assert.Contains("the model ran out of memory", failed.GetProperty("error").GetString());
        Assert.DoesNotContain("   at ", failed.GetProperty("error").GetString());
        await sut.WaitForAsync(next, "Completed");
        var health = await sut.CreateClient().GetStringAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal("Healthy", health);
    }

    [Fact]
    public async Task MaxConcurrentSessions_One_QueuesTheSecondUntilTheFirstEnds()
    {
        TestPaths.RequireSharedData();
        await using var sut = new SmartSpotAppFactory(
            TestPaths.TempDirectory(),
            new Dictionary<string, string?> { ["SmartSpot:Analysis:MaxConcurrentSessions"] = "1" });

        var first = await sut.StartAsync(Video, Mask, ("speed", "1"));
        var second = await sut.StartAsync(Video, Mask, ("speed", "max"));

        await sut.WaitForAsync(first, "Running");
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Equal("Queued", (await sut.GetSessionAsync(second)).GetProperty("status").GetString());
        using var stop = await sut.CreateClient().PostAsync($"/api/sessions/{first}/stop", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        await sut.WaitForAsync(first, "Stopped");
        await sut.WaitForAsync(second, "Completed");
    }

    [Fact]
    public async Task QueueFull_NewSessionIsRefusedWith503AndAClearMessage()
    {
        TestPaths.RequireSharedData();
        await using var sut = new SmartSpotAppFactory(
            TestPaths.TempDirectory(),
            new Dictionary<string, string?>
            {
                ["SmartSpot:Analysis:MaxConcurrentSessions"] = "1",
                ["SmartSpot:Analysis:QueueCapacity"] = "1",
                ["SmartSpot:Analysis:DefaultSpeed"] = "1",
            });
        var running = await sut.StartAsync(Video, Mask);
        await sut.WaitForAsync(running, "Running");
        var queued = await sut.StartAsync(Video, Mask);

        using var refused = await sut.UploadAsync(Video, Mask);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("QueueCapacity", body.GetProperty("error").GetString());
        Assert.Equal("Queued", (await sut.GetSessionAsync(queued)).GetProperty("status").GetString());
        var registry = sut.Services.GetRequiredService<SessionRegistry>();
        registry.Find(queued)!.Stop();
        registry.Find(running)!.Stop();
        await sut.WaitForAsync(running, "Stopped");
    }

    [Fact]
    public async Task Watched_RunningSession_PublishesScaledJpegFrames()
    {
        TestPaths.RequireSharedData();
        await using var sut = new SmartSpotAppFactory(
            TestPaths.TempDirectory(),
            new Dictionary<string, string?> { ["SmartSpot:Stream:MaxWidth"] = "200" });
        var registry = sut.Services.GetRequiredService<SessionRegistry>();
        var id = await sut.StartAsync(Video, Mask);
        var session = registry.Find(id)!;
        var frames = new List<LiveFrame>();
        using var subscription = session.Subscribe(s =>
        {
            if (s.LatestFrame is { } frame) lock (frames) frames.Add(frame);
        });

        using (session.Watch())
        {
            await sut.WaitForAsync(id, "Completed");
        }

        LiveFrame last;
        lock (frames) last = frames[^1];
        Assert.Equal([0xFF, 0xD8], last.Jpeg[..2]);
        using var image = OpenCvSharp.Cv2.ImDecode(last.Jpeg, OpenCvSharp.ImreadModes.Color);
        Assert.Equal(200, image.Width);
        Assert.Equal(238, image.Height);
        Assert.True(last.Sequence >= 1);
    }

    [Fact]
    public async Task Paused_FirstViewerArrives_GetsTheFrameTheAnalysisStoppedOn()
    {
        TestPaths.RequireSharedData();
        await using var sut = new SmartSpotAppFactory(TestPaths.TempDirectory());
        var registry = sut.Services.GetRequiredService<SessionRegistry>();
        var id = await sut.StartAsync(Video, Mask, ("speed", "1"));
        await sut.WaitForAsync(id, "Running");
        var session = registry.Find(id)!;
        while (session.Latest is null)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        await Task.Delay(300, TestContext.Current.CancellationToken);
        session.Pause();
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Null(session.LatestFrame);

        using (session.Watch())
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (session.LatestFrame is null && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }

        Assert.NotNull(session.LatestFrame);
        Assert.Equal(session.Latest!.Frame, session.LatestFrame.FrameIndex);
        Assert.Equal(SessionStatus.Paused, session.Status);
        session.Stop();
        await sut.WaitForAsync(id, "Stopped");
    }
}
