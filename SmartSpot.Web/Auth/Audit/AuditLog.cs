using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmartSpot.Web.Auth.Storage;

namespace SmartSpot.Web.Auth.Audit;

/// <summary>Keeps who did what in the database (and the server log); a failure to write an entry is logged and never fails the action itself.</summary>
public sealed class AuditLog(IDbContextFactory<AuthDbContext> dbFactory, TimeProvider time, ILogger<AuditLog> logger)
{
    public Task RecordAsync(ClaimsPrincipal user, AuditAction action, string? target = null, string? detail = null, string? address = null,
        CancellationToken cancellationToken = default) =>
        RecordAsync(Principals.ActorOf(user), action, target, detail, address, cancellationToken);

    public async Task RecordAsync(string actor, AuditAction action, string? target = null, string? detail = null, string? address = null,
        CancellationToken cancellationToken = default)
    {
        var entry = new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = Shorten(actor, AuditEntry.MaxActorLength)!,
            Action = action,
            Target = Shorten(target, AuditEntry.MaxTargetLength),
            Detail = Shorten(detail, AuditEntry.MaxDetailLength),
            Address = address,
        };
        logger.LogInformation("Audit: {Actor} {Action} {Target} {Detail}", entry.Actor, action, entry.Target, entry.Detail);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception error) when (error is DbUpdateException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            logger.LogError(error, "Could not store the audit entry {Actor} {Action} {Target}.", entry.Actor, action, entry.Target);
        }
    }

    /// <summary>The newest <paramref name="count"/> entries, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(count).ToListAsync(cancellationToken);
    }

    /// <summary>Deletes the entries older than <paramref name="age"/>; returns how many.</summary>
    public async Task<int> PruneAsync(TimeSpan age, CancellationToken cancellationToken = default)
    {
        var before = time.GetUtcNow() - age;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.Where(e => e.At < before).ExecuteDeleteAsync(cancellationToken);
    }

    private static string? Shorten(string? text, int length) => text is null || text.Length <= length ? text : text[..(length - 1)] + "…";
}
