using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartSpot.Vision.Classification;
using SmartSpot.Web.Analysis;
using SmartSpot.Web.Sessions;
using SmartSpot.Web.Storage;
using SmartSpot.Web.Streaming;

namespace SmartSpot.Tests.Web.Analysis;

public sealed class AnalysisWorkerTests
{
    private readonly TestLot _lot = TestLot.Write(TestPaths.TempDirectory(), frames: 300);

    private string Video => _lot.VideoPath;

    private string Mask => _lot.MaskPath;

    [Fact]
    public async Task FailingSession_BecomesFailedWithItsMessage_AndTheNextOneRuns()
    {
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
    public async Task QueueFull_NewSessionIsRefusedWith503RetryAfterAndNothingStored()
    {
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
        using var refusedDemo = await sut.CreateClient().PostAsync("/api/sessions/demo", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("QueueCapacity", body.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedDemo.StatusCode);
        Assert.Equal("Queued", (await sut.GetSessionAsync(queued)).GetProperty("status").GetString());
        await using (var db = await sut.Services.GetRequiredService<IDbContextFactory<SmartSpotDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            Assert.Equal(2, await db.Sessions.CountAsync(TestContext.Current.CancellationToken));
        }
        Assert.Equal(4, Directory.GetFiles(Path.Combine(sut.DataDirectory, "uploads"), "*.*").Count(path => !Path.GetFileName(path).StartsWith('.')));
        var registry = sut.Services.GetRequiredService<SessionRegistry>();
        registry.Find(queued)!.Stop();
        registry.Find(running)!.Stop();
        await sut.WaitForAsync(running, "Stopped");
    }

    [Fact]
    public async Task Subscribed_RunningSession_FeedsScaledJpegFramesAndEndsTheSubscription()
    {
        await using var sut = new SmartSpotAppFactory(
            TestPaths.TempDirectory(),
            new Dictionary<string, string?> { ["SmartSpot:Stream:MaxWidth"] = "160", ["SmartSpot:Analysis:DefaultSpeed"] = "1" });
        var registry = sut.Services.GetRequiredService<SessionRegistry>();
        var id = await sut.StartAsync(_lot.VideoPath, _lot.MaskPath);
        var session = registry.Find(id)!;
        var frames = new List<LiveFrame>();

        using (var subscription = session.Feed.Subscribe())
        {
            await foreach (var frame in subscription.Frames.ReadAllAsync(TestContext.Current.CancellationToken))
            {
                frames.Add(frame);
                if (frames.Count == 5) session.Stop();
            }
        }

        Assert.InRange(frames.Count, 5, 30); // a few more may come before the stop reaches the run; then the feed ends
        Assert.Equal([0xFF, 0xD8], frames[^1].Jpeg[..2]);
        using var image = OpenCvSharp.Cv2.ImDecode(frames[^1].Jpeg, OpenCvSharp.ImreadModes.Color);
        Assert.Equal((160, 80), (image.Width, image.Height));
        Assert.True(frames.Zip(frames.Skip(1)).All(pair => pair.First.Sequence < pair.Second.Sequence));
        await sut.WaitForAsync(id, "Stopped");
    }

    [Fact]
    public async Task Paused_FirstViewerArrives_GetsTheFrameTheAnalysisStoppedOn()
    {
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
        Assert.Equal(0, session.Feed.Rendered);

        LiveFrame frame;
        using (var subscription = session.Feed.Subscribe())
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            frame = await subscription.Frames.ReadAsync(timeout.Token);
        }

        Assert.Equal(session.Latest!.Frame, frame.FrameIndex);
        Assert.Equal(SessionStatus.Paused, session.Status);
        session.Stop();
        await sut.WaitForAsync(id, "Stopped");
    }
}
