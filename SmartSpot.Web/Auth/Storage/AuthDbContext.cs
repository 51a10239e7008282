using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SmartSpot.Web.Auth.ApiKeys;
using SmartSpot.Web.Auth.Audit;

namespace SmartSpot.Web.Auth.Storage;

/// <summary>
/// Users and roles (ASP.NET Core Identity's tables), API keys and the audit log, in SmartSpot's SQLite database with a
/// migration history of their own (<see cref="HistoryTable"/>), so they migrate independently of the analyses' tables.
/// </summary>
public sealed class AuthDbContext(DbContextOptions<AuthDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    /// <summary>This context's migration history table, beside the analyses' <c>__EFMigrationsHistory</c>.</summary>
    public const string HistoryTable = "__AuthMigrationsHistory";

    public DbSet<ApiKeyEntity> ApiKeys => Set<ApiKeyEntity>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order by DateTimeOffset; stored as a sortable 64-bit number instead (as the analyses' tables).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<AuditAction>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ApiKeyEntity>(key =>
        {
            key.HasIndex(k => k.Hash).IsUnique();
            key.Property(k => k.Hash).HasMaxLength(64);
            key.Property(k => k.Name).HasMaxLength(ApiKeyEntity.MaxNameLength);
            key.Property(k => k.Prefix).HasMaxLength(16);
            key.Property(k => k.Role).HasMaxLength(16);
            key.Property(k => k.CreatedBy).HasMaxLength(AuditEntry.MaxActorLength);
            key.Property(k => k.RevokedBy).HasMaxLength(AuditEntry.MaxActorLength);
        });
        builder.Entity<AuditEntry>(entry =>
        {
            entry.HasIndex(e => e.At);
            entry.Property(e => e.Actor).HasMaxLength(AuditEntry.MaxActorLength);
            entry.Property(e => e.Target).HasMaxLength(AuditEntry.MaxTargetLength);
            entry.Property(e => e.Detail).HasMaxLength(AuditEntry.MaxDetailLength);
            entry.Property(e => e.Address).HasMaxLength(64);
        });
    }
}
