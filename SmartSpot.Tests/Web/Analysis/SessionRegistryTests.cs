using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmartSpot.Web.Analysis;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Tests.Web.Analysis;

public sealed class SessionRegistryTests
{
    private readonly TestLot _lot = TestLot.Write(TestPaths.TempDirectory(), frames: 300);

    [Fact]
    public async Task FinishedSessions_BeyondKeepFinished_AreReadBackFromTheDatabase()
    {
        var lot = TestLot.Write(TestPaths.TempDirectory());
        await using var sut = new SmartSpotAppFactory(
            TestPaths.TempDirectory(),
            new Dictionary<string, string?> { ["SmartSpot:Analysis:KeepFinishedSessions"] = "0" });
        var registry = sut.Services.GetRequiredService<SessionRegistry>();
        var reader = sut.Services.GetRequiredService<SessionReader>();
        var changes = 0;
        using var subscription = registry.Subscribe(() => Interlocked.Increment(ref changes));

        var id = await sut.StartAsync(lot.VideoPath, lot.MaskPath);
        await sut.WaitForAsync(id, "Completed");

        // The registry lets go right after the session shows Completed (its status-change callback trims): wait for it.
        var deadline = DateTime.UtcNow + SmartSpotAppFactory.Patience;
        while (registry.Find(id) is not null && DateTime.UtcNow < deadline) await Task.Delay(20, TestContext.Current.CancellationToken);
        Assert.Null(registry.Find(id));
        var stored = await reader.GetAsync(id, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.Equal(lot.FrameCount, stored.Timeline.Count);
        Assert.Equal(TestLot.SpotCount, stored.Spots.Count);
        Assert.All(stored.Spots, spot => Assert.NotNull(stored.StateOf(spot.Id)));
        Assert.Equal(SessionStatus.Completed, stored.Summary.Status);
        Assert.Equal(1, stored.Summary.Progress);
        Assert.True(changes >= 3, $"{changes} list changes: expected added, running, completed");

        using var restart = await sut.CreateClient().PostAsync($"/api/sessions/{id}/restart", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);
        await sut.WaitForAsync(id, "Completed");
        Assert.Equal(lot.FrameCount, (await reader.GetAsync(id, TestContext.Current.CancellationToken))!.Timeline.Count);
    }

    [Fact]
    public async Task StopQueued_IsStoppedAndRecordedAsStopped()
    {
        await using var sut = new SmartSpotAppFactory(
            TestPaths.TempDirectory(),
            new Dictionary<string, string?> { ["SmartSpot:Analysis:MaxConcurrentSessions"] = "1", ["SmartSpot:Analysis:DefaultSpeed"] = "1" });
        var registry = sut.Services.GetRequiredService<SessionRegistry>();
        var running = await sut.StartAsync(_lot.VideoPath, _lot.MaskPath);
        var queued = await sut.StartAsync(_lot.VideoPath, _lot.MaskPath);

        using var stop = await sut.CreateClient().PostAsync($"/api/sessions/{queued}/stop", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        Assert.Equal(SessionStatus.Stopped, registry.Find(queued)!.Status);
        registry.Find(running)!.Stop();
        await sut.WaitForAsync(running, "Stopped");
        await sut.WaitForAsync(queued, "Stopped");
        var listed = await sut.Services.GetRequiredService<SessionReader>().ListAsync(TestContext.Current.CancellationToken);
        Assert.All(listed, session => Assert.Equal(SessionStatus.Stopped, session.Status));
        using var again = await sut.CreateClient().PostAsync($"/api/sessions/{queued}/stop", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Restart_StillRunning_Returns409()
    {
        await using var sut = new SmartSpotAppFactory(TestPaths.TempDirectory(), new Dictionary<string, string?> { ["SmartSpot:Analysis:DefaultSpeed"] = "1" });
        var id = await sut.StartAsync(_lot.VideoPath, _lot.MaskPath);

        using var restart = await sut.CreateClient().PostAsync($"/api/sessions/{id}/restart", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, restart.StatusCode);
        Assert.Contains("stop it before restarting", await restart.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        sut.Services.GetRequiredService<SessionRegistry>().Find(id)!.Stop();
        await sut.WaitForAsync(id, "Stopped");
    }
}
