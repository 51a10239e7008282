using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SmartSpot.Vision.Calibration;
using SmartSpot.Vision.Classification;
using SmartSpot.Web.Storage;

namespace SmartSpot.Web.Corrections;

/// <summary>Reads and writes a lot's corrections (crops kept in their rows) and its head.</summary>
public sealed class CalibrationRepository(IDbContextFactory<SmartSpotDbContext> dbFactory, TimeProvider time)
{
    /// <summary>The one mapping of a row to a <see cref="Correction"/>; in a query it reads every column but the crop.</summary>
    private static readonly Expression<Func<CorrectionEntity, Correction>> ToCorrection = c => new Correction(
        c.Id, c.LotId, c.SessionId, c.SpotId, c.Label, c.Frame, TimeSpan.FromSeconds(c.FrameSeconds), c.GenericStatus, c.GenericConfidence,
        c.VerdictStatus, c.HeadId, c.CreatedBy, c.CreatedAt);

    private static readonly Func<CorrectionEntity, Correction> ToCorrectionCompiled = ToCorrection.Compile();

    /// <summary>Stores the corrections, all or none.</summary>
    public async Task<IReadOnlyList<Correction>> AddAsync(IReadOnlyList<CorrectionEntity> corrections, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Corrections.AddRange(corrections);
        await db.SaveChangesAsync(cancellationToken);
        return corrections.Select(ToCorrectionCompiled).ToList();
    }

    public async Task<int> CountAsync(Guid lotId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Corrections.CountAsync(correction => correction.LotId == lotId, cancellationToken);
    }

    /// <summary>The lot's corrections, newest first, without their crops.</summary>
    public async Task<IReadOnlyList<Correction>> ListAsync(Guid lotId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Corrections.AsNoTracking().Where(correction => correction.LotId == lotId)
            .OrderByDescending(correction => correction.CreatedAt)
            .Select(ToCorrection)
            .ToListAsync(cancellationToken);
    }

    /// <summary>One correction's crop (PNG); null when the lot has no such correction.</summary>
    public async Task<byte[]?> CropAsync(Guid lotId, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Corrections.Where(c => c.LotId == lotId && c.Id == id).Select(c => c.Crop).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The lot's labelled crops, for fitting its head: spot, label and PNG.</summary>
    public async Task<IReadOnlyList<(int SpotId, SpotStatus Label, byte[] Crop)>> LabelledCropsAsync(Guid lotId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Corrections.AsNoTracking().Where(c => c.LotId == lotId).OrderBy(c => c.CreatedAt)
            .Select(c => new { c.SpotId, c.Label, c.Crop }).ToListAsync(cancellationToken);
        return rows.Select(row => (row.SpotId, row.Label, row.Crop)).ToList();
    }

    /// <summary>Removes one correction; false when the lot has no such correction.</summary>
    public async Task<bool> DeleteAsync(Guid lotId, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Corrections.Where(c => c.LotId == lotId && c.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>The lot's labels by class, and of those judged by the head <paramref name="headId"/> (null: the generic model) how many it got right.</summary>
    public async Task<(int Free, int Occupied, int Checks, int Agreed)> CountLabelsAsync(Guid lotId, Guid? headId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Corrections.AsNoTracking().Where(c => c.LotId == lotId)
            .GroupBy(c => new { c.Label, Checked = c.HeadId == headId, Agreed = c.VerdictStatus == c.Label })
            .Select(group => new { group.Key.Label, group.Key.Checked, group.Key.Agreed, Count = group.Count() })
            .ToListAsync(cancellationToken);
        return (rows.Where(row => row.Label == SpotStatus.Free).Sum(row => row.Count), rows.Where(row => row.Label == SpotStatus.Occupied).Sum(row => row.Count),
            rows.Where(row => row.Checked).Sum(row => row.Count), rows.Where(row => row.Checked && row.Agreed).Sum(row => row.Count));
    }

    /// <summary>The lot's head; null when it uses the generic model.</summary>
    public async Task<AppliedHead?> HeadAsync(Guid lotId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.LotHeads.AsNoTracking().FirstOrDefaultAsync(head => head.LotId == lotId, cancellationToken);
        return row is null ? null : new AppliedHead(row.HeadId, LotHeadFile.Parse(row.Json, $"the head of lot {lotId}"), row.CreatedAt, row.CreatedBy);
    }

    /// <summary>Makes <paramref name="head"/> the lot's, in place of any earlier one.</summary>
    public async Task<AppliedHead> SaveHeadAsync(Guid lotId, LotHead head, string by, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var applied = new AppliedHead(Guid.NewGuid(), head, time.GetUtcNow(), by);
        await db.LotHeads.Where(row => row.LotId == lotId).ExecuteDeleteAsync(cancellationToken);
        db.LotHeads.Add(new LotHeadEntity { LotId = lotId, HeadId = applied.HeadId, Json = LotHeadFile.ToJson(head), CreatedBy = by, CreatedAt = applied.CalibratedAt });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    /// <summary>Returns the lot to the generic model; false when it had no head.</summary>
    public async Task<bool> DeleteHeadAsync(Guid lotId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.LotHeads.Where(row => row.LotId == lotId).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
