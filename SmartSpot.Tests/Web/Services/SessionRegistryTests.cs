using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmartSpot.Web.Services;

namespace SmartSpot.Tests.Web.Services;

public sealed class SessionRegistryTests
{
    private static string Video => TestPaths.LotA("parking_crop_380x452.mp4");

    private static string Mask => TestPaths.LotA("mask_crop_381x453.png");

    [Fact]
    public async Task FinishedSessions_BeyondKeepFinished_AreReadBackFromTheDatabase()
    {
        TestPaths.RequireSharedData();
        await using var sut = new SmartSpotAppFactory(
            TestPaths.TempDirectory(),
            new Dictionary<string, string?> { ["SmartSpot:Analysis:KeepFinishedSessions"] = "0" });
        var registry = sut.Services.GetRequiredService<SessionRegistry>();
        var store = sut.Services.GetRequiredService<SessionStore>();
        var changes = 0;
        using var subscription = registry.Subscribe(() => Interlocked.Increment(ref changes));

        var id = await sut.StartAsync(Video, Mask);
        await sut.WaitForAsync(id, "Completed");

        Assert.Null(registry.Find(id));
        var stored = await store.GetAsync(id, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.Equal(849, stored.Timeline.Count);
        Assert.Equal(14, stored.Spots.Count);
        Assert.All(stored.Spots, spot => Assert.NotNull(stored.StatusOf(spot.Id)));
        Assert.True(changes >= 3, $"{changes} list changes: expected added, running, completed");

        using var restart = await sut.CreateClient().PostAsync($"/api/sessions/{id}/restart", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);
        await sut.WaitForAsync(id, "Completed");
        Assert.Equal(849, (await store.GetAsync(id, TestContext.Current.CancellationToken))!.Timeline.Count);
    }

    [Fact]
    public async Task StopQueued_IsStoppedAndRecordedAsStopped()
    {
        TestPaths.RequireSharedData();
        await using var sut = new SmartSpotAppFactory(
            TestPaths.TempDirectory(),
            new Dictionary<string, string?> { ["SmartSpot:Analysis:MaxConcurrentSessions"] = "1", ["SmartSpot:Analysis:DefaultSpeed"] = "1" });
        var registry = sut.Services.GetRequiredService<SessionRegistry>();
        var running = await sut.StartAsync(Video, Mask);
        var queued = await sut.StartAsync(Video, Mask);

        using var stop = await sut.CreateClient().PostAsync($"/api/sessions/{queued}/stop", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        Assert.Equal(SessionStatus.Stopped, registry.Find(queued)!.Status);
        registry.Find(running)!.Stop();
        await sut.WaitForAsync(running, "Stopped");
        var listed = await sut.Services.GetRequiredService<SessionStore>().ListAsync(TestContext.Current.CancellationToken);
        Assert.All(listed, session => Assert.Equal(SessionStatus.Stopped, session.Status));
        using var again = await sut.CreateClient().PostAsync($"/api/sessions/{queued}/stop", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
