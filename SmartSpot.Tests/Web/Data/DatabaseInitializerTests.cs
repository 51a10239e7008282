using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartSpot.Web.Data;
using SmartSpot.Web.Services;

namespace SmartSpot.Tests.Web.Data;

public sealed class DatabaseInitializerTests
{
    private static string Video => TestPaths.LotA("parking_crop_380x452.mp4");

    private static string Mask => TestPaths.LotA("mask_crop_381x453.png");

    [Fact]
    public async Task Restart_SameDataDirectory_KeepsFinishedSessionsInterruptsTheRunningOneAndDropsOrphans()
    {
        TestPaths.RequireSharedData();
        var data = TestPaths.TempDirectory();
        Guid finished, running;
        string finishedCsv;
        await using (var first = new SmartSpotAppFactory(data))
        {
            finished = await first.StartAsync(Video, Mask);
            await first.WaitForAsync(finished, "Completed");
            finishedCsv = await first.CreateClient().GetStringAsync($"/api/sessions/{finished}/timeline.csv", TestContext.Current.CancellationToken);
            running = await first.StartAsync(Video, Mask, ("speed", "1"));
            await first.WaitForAsync(running, "Running");
        }

        var stray = Path.Combine(data, "uploads", $"{Guid.NewGuid():N}.mp4");
        var notOurs = Path.Combine(data, "uploads", "operator-notes.txt");
        await File.WriteAllTextAsync(notOurs, "not an upload", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(stray, "half an upload", TestContext.Current.CancellationToken);

        await using var second = new SmartSpotAppFactory(data);
        var kept = await second.GetSessionAsync(finished);
        Assert.False(File.Exists(stray));
        Assert.True(File.Exists(notOurs));
        Assert.Equal(5, Directory.GetFiles(Path.Combine(data, "uploads")).Length);
        Assert.Equal("Completed", kept.GetProperty("status").GetString());
        Assert.Equal(14, kept.GetProperty("spots").GetArrayLength());
        Assert.Equal(14, kept.GetProperty("free").GetInt32() + kept.GetProperty("occupied").GetInt32());
        Assert.Equal(finishedCsv, await second.CreateClient().GetStringAsync($"/api/sessions/{finished}/timeline.csv", TestContext.Current.CancellationToken));
        var interrupted = await second.GetSessionAsync(running);
        Assert.Equal("Interrupted", interrupted.GetProperty("status").GetString());
        Assert.Contains("Restart", interrupted.GetProperty("error").GetString());

        using var restart = await second.CreateClient().PostAsync($"/api/sessions/{running}/restart?speed=0", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);
        await second.WaitForAsync(running, "Completed");
    }

    [Fact]
    public async Task Start_SessionLeftRunningByACrash_BecomesInterrupted()
    {
        var data = TestPaths.TempDirectory();
        var id = Guid.NewGuid();
        await using (var first = new SmartSpotAppFactory(data))
        {
            var dbFactory = first.Services.GetRequiredService<IDbContextFactory<SmartSpotDbContext>>();
            await using var db = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
            db.Sessions.Add(new SessionEntity
            {
                Id = id,
                Name = "crashed",
                CreatedAt = DateTimeOffset.UtcNow,
                VideoFileName = "v.mp4",
                MaskFileName = "m.png",
                VideoPath = Path.Combine(data, "gone.mp4"),
                MaskPath = Path.Combine(data, "gone.png"),
                Status = SessionStatus.Running,
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var second = new SmartSpotAppFactory(data);
        var session = await second.GetSessionAsync(id);

        Assert.Equal("Interrupted", session.GetProperty("status").GetString());
        using var restart = await second.CreateClient().PostAsync($"/api/sessions/{id}/restart", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, restart.StatusCode);
        Assert.Contains("upload the video and mask again", await restart.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
