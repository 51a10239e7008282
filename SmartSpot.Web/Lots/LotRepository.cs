using Microsoft.EntityFrameworkCore;
using SmartSpot.Web.Sessions;
using SmartSpot.Web.Storage;

namespace SmartSpot.Web.Lots;

/// <summary>Reads and writes lots, with their spots and zones, in the database.</summary>
public sealed class LotRepository(IDbContextFactory<SmartSpotDbContext> dbFactory, TimeProvider time)
{
    public async Task AddAsync(Lot lot, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Lots.Add(LotRows.ToEntity(lot));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The lot with its spots and zones; null when the id is unknown.</summary>
    public async Task<Lot?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Lots.AsNoTracking().AsSplitQuery()
            .Include(lot => lot.Spots)
            .Include(lot => lot.Zones).ThenInclude(zone => zone.Spots)
            .FirstOrDefaultAsync(lot => lot.Id == id, cancellationToken);
        return entity is null ? null : LotRows.ToLot(entity);
    }

    /// <summary>Every lot, the one analysed last first (then the newest).</summary>
    public async Task<IReadOnlyList<LotSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lots = await db.Lots.AsNoTracking()
            .Select(lot => new
            {
                Lot = lot,
                SpotCount = db.LotSpots.Count(spot => spot.LotId == lot.Id),
                ZoneCount = db.Zones.Count(zone => zone.LotId == lot.Id),
                SessionCount = db.Sessions.Count(session => session.LotId == lot.Id),
                LastAnalysedAt = db.Sessions.Where(session => session.LotId == lot.Id).Max(session => (DateTimeOffset?)session.CreatedAt),
            })
            .ToListAsync(cancellationToken);
        return lots
            .Select(row => new LotSummary(
                row.Lot.Id, row.Lot.Name, row.Lot.CreatedAt, row.Lot.Kind, row.Lot.VideoFileName, row.Lot.LiveUrl,
                new(row.Lot.FrameWidth, row.Lot.FrameHeight), row.SpotCount, row.ZoneCount, row.SessionCount, row.LastAnalysedAt))
            .OrderByDescending(lot => lot.LastAnalysedAt ?? lot.CreatedAt)
            .ToList();
    }

    /// <summary>The newest lot of the demo video; null before the demo was first started.</summary>
    public async Task<Lot?> FindDemoAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = await db.Lots.Where(lot => lot.Kind == SessionKind.Demo).OrderByDescending(lot => lot.CreatedAt).Select(lot => (Guid?)lot.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return id is { } demo ? await GetAsync(demo, cancellationToken) : null;
    }

    /// <summary>Replaces the lot's spots, zones and settings (one transaction); false when the id is unknown.</summary>
    public async Task<bool> SaveLayoutAsync(Guid id, LotLayout layout, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.Lots.Where(lot => lot.Id == id).ExecuteUpdateAsync(update => update
            .SetProperty(lot => lot.FrameWidth, layout.FrameSize.Width)
            .SetProperty(lot => lot.FrameHeight, layout.FrameSize.Height)
            .SetProperty(lot => lot.Speed, layout.Settings.Speed)
            .SetProperty(lot => lot.UpdatedAt, time.GetUtcNow()), cancellationToken);
        if (updated == 0) return false;
        await db.ZoneSpots.Where(member => member.LotId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Zones.Where(zone => zone.LotId == id).ExecuteDeleteAsync(cancellationToken);
        await db.LotSpots.Where(spot => spot.LotId == id).ExecuteDeleteAsync(cancellationToken);
        db.LotSpots.AddRange(LotRows.ToEntities(id, layout.Spots));
        db.Zones.AddRange(LotRows.ToEntities(id, layout.Zones));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Removes a lot no analysis refers to (one whose first analysis could not be stored); false when it is gone or still referred to.</summary>
    public async Task<bool> DeleteUnusedAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Sessions.AnyAsync(session => session.LotId == id, cancellationToken)) return false;
        await db.ZoneSpots.Where(member => member.LotId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Zones.Where(zone => zone.LotId == id).ExecuteDeleteAsync(cancellationToken);
        await db.LotSpots.Where(spot => spot.LotId == id).ExecuteDeleteAsync(cancellationToken);
        return await db.Lots.Where(lot => lot.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Renames the lot, sets its live stream address and its analyses' speed; false when the id is unknown.</summary>
    public async Task<bool> UpdateDetailsAsync(Guid id, string name, string? liveUrl, double? speed, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Lots.Where(lot => lot.Id == id).ExecuteUpdateAsync(update => update
            .SetProperty(lot => lot.Name, name)
            .SetProperty(lot => lot.LiveUrl, liveUrl)
            .SetProperty(lot => lot.Speed, speed)
            .SetProperty(lot => lot.UpdatedAt, time.GetUtcNow()), cancellationToken) > 0;
    }
}
