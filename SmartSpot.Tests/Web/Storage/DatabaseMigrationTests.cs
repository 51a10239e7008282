using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SmartSpot.Web.Storage;

namespace SmartSpot.Tests.Web.Storage;

/// <summary>Upgrades a database as SmartSpot 1 made it (its schema is kept in TestData/release-1-schema.sql) and checks nothing is lost: every analysis becomes a lot of its own.</summary>
public sealed class DatabaseMigrationTests
{
    private static readonly string Schema = Path.Combine(AppContext.BaseDirectory, "TestData", "release-1-schema.sql");

    [Fact]
    public async Task Start_DatabaseOfRelease1_KeepsItsSessionsMakesEachALotStoresRelativePathsAndCanRestartThem()
    {
        var data = TestPaths.TempDirectory();
        var lot = TestLot.Write(TestPaths.TempDirectory());
        var uploads = Directory.CreateDirectory(Path.Combine(data, "uploads")).FullName;
        var (video, mask) = ($"{Guid.NewGuid():N}.avi", $"{Guid.NewGuid():N}.png");
        File.Copy(lot.VideoPath, Path.Combine(uploads, video));
        File.Copy(lot.MaskPath, Path.Combine(uploads, mask));
        var orphan = Path.Combine(uploads, $"{Guid.NewGuid():N}.mp4");
        await File.WriteAllTextAsync(orphan, "left by a crash mid-upload", TestContext.Current.CancellationToken);
        // SmartSpot 1 stored absolute paths; these name the folder the data lived in before it was copied here.
        var (upload, demo) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(data, "smartspot.db")};Pooling=False"))
        {
            await db.OpenAsync(TestContext.Current.CancellationToken);
            await ExecuteAsync(db, await File.ReadAllTextAsync(Schema, TestContext.Current.CancellationToken));
            await InsertSessionAsync(db, upload, "Monday", "lot.avi", $"/srv/old-place/SmartSpot/uploads/{video}", $"/srv/old-place/SmartSpot/uploads/{mask}");
            await InsertSessionAsync(db, demo, "Demo lot", "demo-lot.mp4", "/srv/old-place/SmartSpot/demo/demo-lot.mp4", "/srv/old-place/SmartSpot/demo/demo-lot-mask.png");
            await ExecuteAsync(db, $"""
                INSERT INTO Spots VALUES ('{upload.ToString().ToUpperInvariant()}', 1, 10, 30, 40, 60, 2400), ('{upload.ToString().ToUpperInvariant()}', 2, 70, 30, 40, 60, 2400),
                                         ('{upload.ToString().ToUpperInvariant()}', 3, 130, 30, 40, 60, 2400), ('{upload.ToString().ToUpperInvariant()}', 4, 190, 30, 40, 60, 2400);
                INSERT INTO TimelinePoints VALUES ('{upload.ToString().ToUpperInvariant()}', 0, 0, 4, 0), ('{upload.ToString().ToUpperInvariant()}', 29, 0.967, 3, 1);
                INSERT INTO Intervals (SessionId, SpotId, Status, StartFrame, EndFrame, StartSeconds, EndSeconds)
                    VALUES ('{upload.ToString().ToUpperInvariant()}', 2, 'Free', 0, 9, 0, 0.3), ('{upload.ToString().ToUpperInvariant()}', 2, 'Occupied', 10, 29, 0.333, 0.967);
                """);
        }

        await using var sut = new SmartSpotAppFactory(data);
        var session = await sut.GetSessionAsync(upload);

        Assert.Equal("Monday", session.GetProperty("name").GetString());
        Assert.Equal("Completed", session.GetProperty("status").GetString());
        Assert.Equal("Upload", session.GetProperty("kind").GetString());
        Assert.Equal(4, session.GetProperty("spots").GetArrayLength());
        Assert.Equal("Occupied", session.GetProperty("spots")[1].GetProperty("status").GetString());
        Assert.Equal("Demo", (await sut.GetSessionAsync(demo)).GetProperty("kind").GetString());
        var csv = await sut.CreateClient().GetStringAsync($"/api/sessions/{upload}/timeline.csv", TestContext.Current.CancellationToken);
        Assert.Equal("frame,time,free,occupied\n0,0,4,0\n29,0.967,3,1\n", csv);
        Assert.True(File.Exists(Path.Combine(uploads, video)));
        Assert.False(File.Exists(orphan));

        // Each analysis is now a lot of its own: same id, name, video, frame and spots (as outlines of their boxes).
        Assert.Equal(upload, session.GetProperty("lotId").GetGuid());
        var migrated = await sut.CreateClient().GetFromJsonAsync<JsonElement>($"/api/lots/{upload}", TestContext.Current.CancellationToken);
        Assert.Equal("Monday", migrated.GetProperty("name").GetString());
        Assert.Equal("lot.avi", migrated.GetProperty("videoFileName").GetString());
        Assert.Equal((240, 120), (migrated.GetProperty("frame").GetProperty("width").GetInt32(), migrated.GetProperty("frame").GetProperty("height").GetInt32()));
        Assert.Equal(0, migrated.GetProperty("settings").GetProperty("speed").GetDouble());
        var spots = migrated.GetProperty("spots").EnumerateArray().ToList();
        Assert.Equal(["1", "2", "3", "4"], spots.Select(spot => spot.GetProperty("name").GetString()));
        Assert.Equal("[[70,30],[110,30],[110,90],[70,90]]", spots[1].GetProperty("corners").GetRawText());
        Assert.Equal(2, (await sut.CreateClient().GetFromJsonAsync<JsonElement>("/api/lots", TestContext.Current.CancellationToken)).GetArrayLength());
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(data, "smartspot.db")};Pooling=False"))
        {
            await db.OpenAsync(TestContext.Current.CancellationToken);
            Assert.Equal($"uploads/{video}", await ScalarAsync(db, $"SELECT VideoPath FROM Sessions WHERE Name = 'Monday'"));
            Assert.Equal("demo/demo-lot.mp4", await ScalarAsync(db, $"SELECT VideoPath FROM Sessions WHERE Name = 'Demo lot'"));
            Assert.Equal($"uploads/{video}", await ScalarAsync(db, $"SELECT VideoPath FROM Lots WHERE Name = 'Monday'"));
            Assert.Equal("demo/demo-lot.mp4", await ScalarAsync(db, $"SELECT VideoPath FROM Lots WHERE Name = 'Demo lot'"));
            Assert.Equal((long)typeof(SmartSpotDbContext).Assembly.GetTypes().Count(type =>
                    type.IsDefined(typeof(MigrationAttribute), false) && type.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(SmartSpotDbContext)),
                await ScalarAsync(db, "SELECT COUNT(*) FROM __EFMigrationsHistory"));
        }

        using var restart = await sut.CreateClient().PostAsync($"/api/sessions/{upload}/restart", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);
        var again = await sut.WaitForAsync(upload, "Completed");
        Assert.Equal(lot.FrameCount, again.GetProperty("framesDone").GetInt32());
        using var onLot = await sut.CreateClient().PostAsync($"/api/lots/{upload}/sessions", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, onLot.StatusCode);
        var fromLot = await sut.WaitForAsync((await onLot.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid(), "Completed");
        Assert.Equal(4, fromLot.GetProperty("spots").GetArrayLength());
        Assert.Equal(upload, fromLot.GetProperty("lotId").GetGuid());
    }

    private static async Task InsertSessionAsync(SqliteConnection db, Guid id, string name, string videoFileName, string videoPath, string maskPath)
    {
        var created = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(DateTimeOffset.UtcNow)!;
        await ExecuteAsync(db, $"""
            INSERT INTO Sessions (Id, Name, CreatedAt, VideoFileName, MaskFileName, VideoPath, MaskPath, Status, Error, Speed,
                                  Width, Height, Fps, FrameCount, FramesDone, SpotCount, Free, Occupied, StartedAt, FinishedAt)
            VALUES ('{id.ToString().ToUpperInvariant()}', '{name}', {created}, '{videoFileName}', 'mask.png', '{videoPath}', '{maskPath}', 'Completed', NULL, NULL,
                    240, 120, 30, 30, 30, 4, 3, 1, {created}, {created});
            """);
    }

    private static async Task ExecuteAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
