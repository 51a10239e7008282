using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace SmartSpot.Web.Storage;

/// <summary>
/// Deletes uploads that provably belong to no session: in the uploads folder SmartSpot made (marked), under a name
/// SmartSpot generated, and named by no session or lot row of a database that existed before this start.
/// </summary>
public sealed class OrphanCleaner(IOptions<StorageOptions> storage, ILogger<OrphanCleaner> logger)
{
    /// <returns>How many files were deleted.</returns>
    public async Task<int> DeleteOrphansAsync(SmartSpotDbContext db, CancellationToken cancellationToken)
    {
        var directory = storage.Value.UploadsDirectory;
        if (!Directory.Exists(directory)) return 0;
        var referenced = await ReferencedFileNamesAsync(db, cancellationToken);
        if (!UploadsFolder.IsMarked(directory))
        {
            // SmartSpot 1 made the folder without a marker: it is ours if a session's file is in it.
            if (!referenced.Any(name => File.Exists(Path.Combine(directory, name))))
            {
                logger.LogInformation("Not cleaning {Directory}: SmartSpot did not create it.", directory);
                return 0;
            }
            UploadsFolder.Mark(directory);
        }
        var orphans = Directory.EnumerateFiles(directory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => UploadsFolder.IsGeneratedName(name) && !referenced.Contains(name))
            .ToList();
        foreach (var name in orphans)
        {
            File.Delete(Path.Combine(directory, name));
        }
        return orphans.Count;
    }

    /// <summary>File names of every session's and every lot's files, stored relative (uploads/x.mp4) or, before migration, absolute.</summary>
    private static async Task<HashSet<string>> ReferencedFileNamesAsync(SmartSpotDbContext db, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.Select(s => new { s.VideoPath, s.MaskPath }).ToListAsync(cancellationToken);
        var lots = await db.Lots.Select(lot => lot.VideoPath).ToListAsync(cancellationToken);
        return sessions.SelectMany(p => new[] { p.VideoPath, p.MaskPath }).Concat(lots)
            .Where(path => path.Length > 0)
            .Select(path => Path.GetFileName(path.Replace('\\', '/')))
            .ToHashSet(StringComparer.Ordinal);
    }
}
