using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartSpot.Web.Sessions;
using SmartSpot.Web.Storage;

namespace SmartSpot.Tests.Web.Storage;

public sealed class StorageStartupTests
{
    private readonly TestLot _lot = TestLot.Write(TestPaths.TempDirectory());

    [Fact]
    public async Task Restart_SameDataDirectory_KeepsFinishedSessionsInterruptsTheRunningOneAndDropsOrphans()
    {
        var data = TestPaths.TempDirectory();
        var slow = TestLot.Write(TestPaths.TempDirectory(), frames: 300);
        Guid finished, running;
        string finishedCsv;
        await using (var first = new SmartSpotAppFactory(data))
        {
            finished = await first.StartAsync(_lot.VideoPath, _lot.MaskPath);
            await first.WaitForAsync(finished, "Completed");
            finishedCsv = await first.CreateClient().GetStringAsync($"/api/sessions/{finished}/timeline.csv", TestContext.Current.CancellationToken);
            running = await first.StartAsync(slow.VideoPath, slow.MaskPath, ("speed", "1"));
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
        // Two sessions' video and mask, and the operator's note.
        Assert.Equal(5, Directory.GetFiles(Path.Combine(data, "uploads")).Count(path => !Path.GetFileName(path).StartsWith('.')));
        Assert.Equal("Completed", kept.GetProperty("status").GetString());
        Assert.Equal(TestLot.SpotCount, kept.GetProperty("spots").GetArrayLength());
        Assert.Equal(finishedCsv, await second.CreateClient().GetStringAsync($"/api/sessions/{finished}/timeline.csv", TestContext.Current.CancellationToken));
        var interrupted = await second.GetSessionAsync(running);
        Assert.Equal("Interrupted", interrupted.GetProperty("status").GetString());
        Assert.Contains("Restart", interrupted.GetProperty("error").GetString());
        using var restart = await second.CreateClient().PostAsync($"/api/sessions/{running}/restart?speed=0", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);
        await second.WaitForAsync(running, "Completed");
    }

    [Theory]
    [InlineData("copied")]
    [InlineData("moved")]
    [InlineData("symlinked")]
    public async Task DataDirectory_CopiedMovedOrSymlinked_KeepsEverySessionAndFile(string how)
    {
        var original = TestPaths.TempDirectory();
        Guid id;
        await using (var first = new SmartSpotAppFactory(original))
        {
            id = await first.StartAsync(_lot.VideoPath, _lot.MaskPath, ("name", "North lot"));
            await first.WaitForAsync(id, "Completed");
        }
        SqliteConnection.ClearAllPools();
        var files = UploadedFiles(original);
        var elsewhere = Path.Combine(TestPaths.TempDirectory(), "SmartSpot");
        switch (how)
        {
            case "copied":
                CopyDirectory(original, elsewhere);
                break;
            case "moved":
                Directory.Move(original, elsewhere);
                break;
            default:
                Directory.CreateSymbolicLink(elsewhere, original);
                break;
        }

        await using var second = new SmartSpotAppFactory(elsewhere);
        var session = await second.GetSessionAsync(id);

        Assert.Equal("North lot", session.GetProperty("name").GetString());
        Assert.Equal("Completed", session.GetProperty("status").GetString());
        Assert.Equal(files, UploadedFiles(elsewhere));
        using var restart = await second.CreateClient().PostAsync($"/api/sessions/{id}/restart", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);
        await second.WaitForAsync(id, "Completed");
    }

    [Fact]
    public async Task Start_UploadsFolderSmartSpotDidNotMake_IsNeverCleaned()
    {
        var data = TestPaths.TempDirectory();
        await using (var first = new SmartSpotAppFactory(data))
        {
            await first.CreateClient().GetStringAsync("/healthz", TestContext.Current.CancellationToken);
        }
        Directory.CreateDirectory(Path.Combine(data, "uploads"));
        var someoneElses = Path.Combine(data, "uploads", $"{Guid.NewGuid():N}.mp4");
        await File.WriteAllTextAsync(someoneElses, "a file SmartSpot never wrote", TestContext.Current.CancellationToken);

        await using var second = new SmartSpotAppFactory(data);
        await second.CreateClient().GetStringAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.True(File.Exists(someoneElses));
    }

    [Fact]
    public async Task Start_NewDatabaseBesideOldUploads_DeletesNoUpload()
    {
        var data = TestPaths.TempDirectory();
        await using (var first = new SmartSpotAppFactory(data))
        {
            await first.WaitForAsync(await first.StartAsync(_lot.VideoPath, _lot.MaskPath), "Completed");
        }
        SqliteConnection.ClearAllPools();
        File.Move(Path.Combine(data, "smartspot.db"), Path.Combine(data, "smartspot.db.aside"));
        foreach (var sidecar in Directory.GetFiles(data, "smartspot.db-*")) File.Delete(sidecar);
        var files = UploadedFiles(data);

        await using var second = new SmartSpotAppFactory(data);
        await second.CreateClient().GetStringAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(files, UploadedFiles(data));
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
            db.Lots.Add(new LotEntity { Id = id, Name = "crashed", VideoFileName = "v.mp4", VideoPath = "uploads/gone.mp4" });
            db.Sessions.Add(new SessionEntity
            {
                Id = id,
                LotId = id,
                Name = "crashed",
                CreatedAt = DateTimeOffset.UtcNow,
                VideoFileName = "v.mp4",
                MaskFileName = "m.png",
                VideoPath = "uploads/gone.mp4",
                MaskPath = "uploads/gone.png",
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

    [Fact]
    public async Task Start_CorruptDatabase_ExitsWith73AndOneLineNamingTheFileNoStackTrace()
    {
        var data = TestPaths.TempDirectory();
        var database = Path.Combine(data, "smartspot.db");
        await File.WriteAllTextAsync(database, string.Concat(Enumerable.Repeat("this is not a database. ", 200)), TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await WebProcess.RunAsync(data, TimeSpan.FromSeconds(60));

        Assert.Equal(StartupRefusedException.ExitCode, exitCode);
        Assert.StartsWith($"error: The database '{database}' is damaged or is not a SmartSpot database", stderr);
        Assert.Contains("Move it aside", stderr);
        Assert.DoesNotContain("   at ", stderr + stdout);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    private static string[] UploadedFiles(string data) =>
        Directory.GetFiles(Path.Combine(data, "uploads")).Select(Path.GetFileName).OfType<string>().Order().ToArray();

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from)) CopyDirectory(folder, Path.Combine(to, Path.GetFileName(folder)));
    }
}
