using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SmartSpot.Alerts.Rules;
using SmartSpot.Vision.Classification;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Web.Storage;

/// <summary>Every lot and every analysis ever run: lots with their spots, zones, alert rules, corrections and head, sessions, their spots, per-spot intervals and count timelines.</summary>
public sealed class SmartSpotDbContext(DbContextOptions<SmartSpotDbContext> options) : DbContext(options)
{
    public DbSet<SessionEntity> Sessions => Set<SessionEntity>();

    public DbSet<SpotEntity> Spots => Set<SpotEntity>();

    public DbSet<IntervalEntity> Intervals => Set<IntervalEntity>();

    public DbSet<TimelinePointEntity> TimelinePoints => Set<TimelinePointEntity>();

    public DbSet<LotEntity> Lots => Set<LotEntity>();

    public DbSet<LotSpotEntity> LotSpots => Set<LotSpotEntity>();

    public DbSet<ZoneEntity> Zones => Set<ZoneEntity>();

    public DbSet<ZoneSpotEntity> ZoneSpots => Set<ZoneSpotEntity>();

    public DbSet<AlertRuleEntity> AlertRules => Set<AlertRuleEntity>();

    public DbSet<CorrectionEntity> Corrections => Set<CorrectionEntity>();

    public DbSet<LotHeadEntity> LotHeads => Set<LotHeadEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order by DateTimeOffset; stored as a sortable 64-bit number instead.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<SessionStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SpotStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SessionKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AlertKind>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SessionEntity>(session =>
        {
            session.HasIndex(s => s.CreatedAt);
            session.HasIndex(s => s.Status);
            session.HasMany(s => s.Spots).WithOne().HasForeignKey(spot => spot.SessionId).OnDelete(DeleteBehavior.Cascade);
            session.HasIndex(s => s.LotId);
        });
        modelBuilder.Entity<SpotEntity>().HasKey(spot => new { spot.SessionId, spot.SpotId });
        modelBuilder.Entity<IntervalEntity>(interval =>
        {
            interval.HasIndex(i => new { i.SessionId, i.SpotId, i.StartFrame });
            interval.HasOne<SessionEntity>().WithMany().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TimelinePointEntity>(point =>
        {
            point.HasKey(p => new { p.SessionId, p.Frame });
            point.HasOne<SessionEntity>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LotEntity>(lot =>
        {
            lot.HasIndex(l => l.CreatedAt);
            lot.HasMany(l => l.Spots).WithOne().HasForeignKey(spot => spot.LotId).OnDelete(DeleteBehavior.Cascade);
            lot.HasMany(l => l.Zones).WithOne().HasForeignKey(zone => zone.LotId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LotSpotEntity>().HasKey(spot => new { spot.LotId, spot.SpotId });
        modelBuilder.Entity<ZoneEntity>(zone =>
        {
            zone.HasKey(z => new { z.LotId, z.ZoneId });
            zone.HasMany(z => z.Spots).WithOne().HasForeignKey(member => new { member.LotId, member.ZoneId }).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ZoneSpotEntity>().HasKey(member => new { member.LotId, member.ZoneId, member.SpotId });
        modelBuilder.Entity<AlertRuleEntity>(rule =>
        {
            rule.HasIndex(r => r.LotId);
            rule.HasOne<LotEntity>().WithMany().HasForeignKey(r => r.LotId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CorrectionEntity>(correction =>
        {
            correction.HasIndex(c => new { c.LotId, c.CreatedAt });
            correction.HasOne<LotEntity>().WithMany().HasForeignKey(c => c.LotId).OnDelete(DeleteBehavior.Cascade);
            correction.Property(c => c.CreatedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<LotHeadEntity>(head =>
        {
            head.HasKey(h => h.LotId);
            head.HasOne<LotEntity>().WithOne().HasForeignKey<LotHeadEntity>(h => h.LotId).OnDelete(DeleteBehavior.Cascade);
            head.Property(h => h.CreatedBy).HasMaxLength(200);
        });
    }
}
