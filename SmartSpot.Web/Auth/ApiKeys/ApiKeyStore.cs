using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmartSpot.Vision;
using SmartSpot.Web.Auth.Audit;
using SmartSpot.Web.Auth.Storage;

namespace SmartSpot.Web.Auth.ApiKeys;

/// <summary>Creates, lists, revokes and checks API keys; keeps only their hashes, and when each was last used.</summary>
public sealed class ApiKeyStore(IDbContextFactory<AuthDbContext> dbFactory, AuditLog audit, TimeProvider time)
{
    /// <summary>A key's last-used time is written at most this often, not on every request of a polling client.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<CreatedApiKey> CreateAsync(ClaimsPrincipal by, string? name, string role, CancellationToken cancellationToken = default)
    {
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > ApiKeyEntity.MaxNameLength)
        {
            throw new InvalidInputException($"Give the key a name of 1 to {ApiKeyEntity.MaxNameLength} characters that says what uses it, e.g. 'wall display'.");
        }
        if (!UserRoles.IsRole(role)) throw new InvalidInputException($"'{role}' is not a role; choose {string.Join(", ", UserRoles.All)}.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ApiKeys.AnyAsync(k => k.Name == name && k.RevokedAt == null, cancellationToken))
        {
            throw new InvalidInputException($"There is already a key named '{name}'; choose another name or revoke that key first.");
        }
        var secret = ApiKeySecret.Create();
        var key = new ApiKeyEntity
        {
            Name = name,
            Role = role,
            Hash = ApiKeySecret.Hash(secret),
            Prefix = secret[..ApiKeySecret.ShownLength],
            CreatedAt = time.GetUtcNow(),
            CreatedBy = Principals.ActorOf(by),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(by, AuditAction.ApiKeyCreated, name, $"role {role}", cancellationToken: cancellationToken);
        return new CreatedApiKey(key, secret);
    }

    /// <summary>Every key, the active ones first, newest first.</summary>
    public async Task<IReadOnlyList<ApiKeyEntity>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task RevokeAsync(ClaimsPrincipal by, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken)
            ?? throw new InvalidInputException("That key no longer exists; reload the page.");
        if (key.RevokedAt is not null) return;
        key.RevokedAt = time.GetUtcNow();
        key.RevokedBy = Principals.ActorOf(by);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(by, AuditAction.ApiKeyRevoked, key.Name, $"role {key.Role}", cancellationToken: cancellationToken);
    }

    /// <summary>The active key with this secret, or null for an unknown or revoked one; notes the use.</summary>
    public async Task<ApiKeyEntity?> FindActiveAsync(string secret, CancellationToken cancellationToken = default)
    {
        var hash = ApiKeySecret.Hash(secret);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Hash == hash, cancellationToken);
        if (key is null || key.RevokedAt is not null) return null;
        var now = time.GetUtcNow();
        if (key.LastUsedAt is null || now - key.LastUsedAt >= LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(update => update.SetProperty(k => k.LastUsedAt, now), cancellationToken);
            key.LastUsedAt = now;
        }
        return key;
    }
}
