using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartSpot.Web.Services;

namespace SmartSpot.Web.Data;

/// <summary>At start-up: creates the database, marks sessions a previous run left active as Interrupted (restartable), and deletes orphaned uploads.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<SmartSpotDbContext> dbFactory,
    IOptions<StorageOptions> storage,
    UploadStore uploads,
    TimeProvider time,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = storage.Value.DataDirectory;
        try
        {
            Directory.CreateDirectory(directory);
            await InitializeAsync(cancellationToken);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or SqliteException)
        {
            throw new InvalidOperationException(
                $"SmartSpot cannot use its data directory '{directory}' ({error.Message.TrimEnd('.')}). Set SmartSpot:DataDirectory (environment: SmartSpot__DataDirectory) to a folder it may write to.", error);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.EnsureCreatedAsync(cancellationToken);
        // WAL lets pages read while up to MaxConcurrentSessions analyses write.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        var now = time.GetUtcNow();
        var interrupted = await db.Sessions
            .Where(s => s.Status == SessionStatus.Queued || s.Status == SessionStatus.Running || s.Status == SessionStatus.Paused)
            .ExecuteUpdateAsync(update => update
                .SetProperty(s => s.Status, SessionStatus.Interrupted)
                .SetProperty(s => s.Error, "SmartSpot stopped before this analysis finished. Restart it to analyse the video again.")
                .SetProperty(s => s.FinishedAt, now), cancellationToken);
        if (interrupted > 0)
        {
            logger.LogWarning("{Count} analyses were left unfinished by the previous run and are now Interrupted.", interrupted);
        }
        var referenced = await db.Sessions.Select(s => new { s.VideoPath, s.MaskPath }).ToListAsync(cancellationToken);
        var orphans = uploads.DeleteOrphans(referenced.SelectMany(s => new[] { s.VideoPath, s.MaskPath }).Select(Path.GetFullPath).ToHashSet());
        if (orphans > 0)
        {
            logger.LogInformation("Deleted {Count} uploaded files no analysis refers to.", orphans);
        }
    }
}
