using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Web.Storage;

/// <summary>
/// Readies the data directory once per process, before anything else uses it: checks it can be written, migrates the
/// database (adopting one SmartSpot 1 made without migrations), stores paths relative to the directory, marks analyses
/// the previous run left active as Interrupted, and deletes orphaned uploads. Refuses the start with a clear message.
/// </summary>
public sealed class StorageStartup(
    IDbContextFactory<SmartSpotDbContext> dbFactory,
    IOptions<StorageOptions> storage,
    OrphanCleaner orphans,
    TimeProvider time,
    ILogger<StorageStartup> logger) : IHostedService
{
    private readonly Lock _lock = new();
    private Task? _prepared;

    /// <summary>Runs the preparation on the first call and returns the same task afterwards; throws <see cref="StartupRefusedException"/>.</summary>
    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        lock (_lock) return _prepared ??= PrepareOnceAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => PrepareAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PrepareOnceAsync(CancellationToken cancellationToken)
    {
        var options = storage.Value;
        EnsureWritable(Path.GetFullPath(options.DataDirectory));
        var existed = File.Exists(options.DatabasePath);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await AdoptDatabaseWithoutHistoryAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            // WAL lets pages read while up to MaxConcurrentSessions analyses write.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await StorePathsRelativeAsync(db, cancellationToken);
            await InterruptUnfinishedAsync(db, cancellationToken);
            if (existed)
            {
                var deleted = await orphans.DeleteOrphansAsync(db, cancellationToken);
                if (deleted > 0) logger.LogInformation("Deleted {Count} uploaded files no analysis refers to.", deleted);
            }
        }
        catch (SqliteException error)
        {
            throw Refusal(error, options.DatabasePath);
        }
    }

    private static void EnsureWritable(string directory)
    {
        var probe = Path.Combine(directory, $".write-test-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            var reason = StorageException.From(error)?.IsFull == true ? "the disk is full" : "it cannot be created or written (read-only, or not permitted)";
            throw new StartupRefusedException(
                $"SmartSpot cannot use its data directory '{directory}': {reason}. Make it writable (or free space), or set SmartSpot:DataDirectory (environment: SmartSpot__DataDirectory) to a folder SmartSpot may write to.", error);
        }
    }

    private static StartupRefusedException Refusal(SqliteException error, string database) => error.SqliteErrorCode switch
    {
        // SQLITE_CORRUPT, SQLITE_NOTADB
        11 or 26 => new StartupRefusedException(
            $"The database '{database}' is damaged or is not a SmartSpot database ({error.Message.TrimEnd('.')}). Move it aside (for example rename it to smartspot.db.damaged) and start again: SmartSpot then starts a new, empty history, and the uploaded files stay where they are.", error),
        // SQLITE_FULL
        13 => new StartupRefusedException($"The disk holding the database '{database}' is full. Free some space, then start again.", error),
        _ => new StartupRefusedException(
            $"SmartSpot cannot open or write its database '{database}' ({error.Message.TrimEnd('.')}). Make the file and its folder writable, or set SmartSpot:DataDirectory (environment: SmartSpot__DataDirectory) to a folder SmartSpot may write to.", error),
    };

    /// <summary>SmartSpot 1 created its schema without migrations: record that schema as the first migration, so the later ones apply.</summary>
    private static async Task AdoptDatabaseWithoutHistoryAsync(SmartSpotDbContext db, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        if (await history.ExistsAsync(cancellationToken)) return;
        var tables = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'Sessions'")
            .SingleAsync(cancellationToken);
        if (tables == 0) return;
        var version = typeof(DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "10.0";
        var baseline = db.Database.GetMigrations().First();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, version)), cancellationToken);
    }

    /// <summary>SmartSpot 1 stored absolute paths (and the migration copied them into lots): keep what lies in the uploads or demo folder as a path relative to the data directory.</summary>
    private static async Task StorePathsRelativeAsync(SmartSpotDbContext db, CancellationToken cancellationToken)
    {
        var absolute = await db.Sessions.Where(s => s.VideoPath.StartsWith("/") || s.MaskPath.StartsWith("/") || s.VideoPath.Contains(":\\") || s.MaskPath.Contains(":\\"))
            .ToListAsync(cancellationToken);
        foreach (var session in absolute)
        {
            session.VideoPath = Relative(session.VideoPath);
            session.MaskPath = Relative(session.MaskPath);
        }
        var lots = await db.Lots.Where(lot => lot.VideoPath.StartsWith("/") || lot.VideoPath.Contains(":\\")).ToListAsync(cancellationToken);
        foreach (var lot in lots)
        {
            lot.VideoPath = Relative(lot.VideoPath);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Relative(string path)
    {
        if (!Path.IsPathRooted(path)) return path;
        var folder = Path.GetFileName(Path.GetDirectoryName(path));
        return folder is StorageOptions.UploadsFolder or StorageOptions.DemoFolder ? StorageOptions.StoredPath(folder, Path.GetFileName(path)) : path;
    }

    private async Task InterruptUnfinishedAsync(SmartSpotDbContext db, CancellationToken cancellationToken)
    {
        var active = SessionStatuses.Active.ToArray();
        var now = time.GetUtcNow();
        var interrupted = await db.Sessions
            .Where(s => active.Contains(s.Status))
            .ExecuteUpdateAsync(update => update
                .SetProperty(s => s.Status, SessionStatus.Interrupted)
                .SetProperty(s => s.Error, "SmartSpot stopped before this analysis finished. Restart it to analyse the video again.")
                .SetProperty(s => s.FinishedAt, now), cancellationToken);
        if (interrupted > 0)
        {
            logger.LogWarning("{Count} analyses were left unfinished by the previous run and are now Interrupted.", interrupted);
        }
    }
}
