using Microsoft.EntityFrameworkCore;
using SmartSpot.Alerts.Rules;
using SmartSpot.Vision;
using SmartSpot.Web.Storage;

namespace SmartSpot.Web.Alerts;

/// <summary>
/// The lots' alert rules: stored in the database, and held in memory for the evaluator (<see cref="IAlertRuleSource"/>), which
/// sees every added or deleted rule at once. The scopes carry the lots' and zones' names as they were at the last reload
/// (after every rule change and at the start of every analysis); a rule whose zone was removed is kept but not evaluated.
/// </summary>
public sealed class LotAlertRules(IDbContextFactory<SmartSpotDbContext> dbFactory, AlertRuleOptions options, TimeProvider time) : IAlertRuleSource
{
    private readonly AlertRuleSet _active = new();
    private readonly SemaphoreSlim _reloading = new(1, 1);

    public IReadOnlyList<AlertRule> GetRules() => _active.GetRules();

    /// <summary>The lot's rules, oldest first; null when the lot is unknown.</summary>
    public async Task<IReadOnlyList<LotAlertRule>?> ListAsync(Guid lotId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Lots.AnyAsync(lot => lot.Id == lotId, cancellationToken)) return null;
        var zones = await ZonesAsync(db, lotId, cancellationToken);
        var rows = await db.AlertRules.AsNoTracking().Where(rule => rule.LotId == lotId).ToListAsync(cancellationToken);
        return rows.OrderBy(row => row.CreatedAt).Select(row => Describe(row, zones)).ToList();
    }

    /// <summary>Stores a new rule on the lot or one of its zones and starts evaluating it; null when the lot is unknown.</summary>
    /// <exception cref="InvalidInputException">The request is incomplete, names no zone of the lot, or the lot has its most rules.</exception>
    public async Task<LotAlertRule?> AddAsync(Guid lotId, AlertRuleRequest request, CancellationToken cancellationToken)
    {
        var (kind, threshold, duration) = request.Checked();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Lots.AnyAsync(lot => lot.Id == lotId, cancellationToken)) return null;
        var zones = await ZonesAsync(db, lotId, cancellationToken);
        if (request.ZoneId is { } zoneId && !zones.ContainsKey(zoneId))
        {
            var known = zones.Count == 0 ? "it has no zones" : "its zones are " + string.Join(", ", zones.Select(zone => $"{zone.Key} ({zone.Value})"));
            throw new InvalidInputException($"The lot has no zone {zoneId} ({known}). Give one of its zone ids as \"zoneId\", or leave it out for the whole lot.");
        }
        if (await db.AlertRules.CountAsync(rule => rule.LotId == lotId, cancellationToken) >= options.MaxPerLot)
        {
            throw new InvalidInputException($"The lot already has {options.MaxPerLot} rules, the most one lot may have (SmartSpot:Alerts:Rules:MaxPerLot). Delete one first.");
        }
        var row = new AlertRuleEntity
        {
            Id = Guid.NewGuid(), LotId = lotId, ZoneId = request.ZoneId, Kind = kind, Threshold = threshold, DurationSeconds = duration,
            CreatedAt = time.GetUtcNow(),
        };
        db.AlertRules.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await ReloadAsync(cancellationToken);
        return Describe(row, zones);
    }

    /// <summary>Deletes the rule (an alert it had open ends without an event); false when the lot has no such rule.</summary>
    public async Task<bool> DeleteAsync(Guid lotId, Guid ruleId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.AlertRules.Where(rule => rule.LotId == lotId && rule.Id == ruleId).ExecuteDeleteAsync(cancellationToken) > 0;
        if (deleted) await ReloadAsync(cancellationToken);
        return deleted;
    }

    /// <summary>Reads every rule with its lot's and zone's current names into the evaluator's set.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rows = await db.AlertRules.AsNoTracking().ToListAsync(cancellationToken);
            var lotIds = rows.Select(row => row.LotId).Distinct().ToList();
            var lots = await db.Lots.AsNoTracking().Where(lot => lotIds.Contains(lot.Id)).ToDictionaryAsync(lot => lot.Id, lot => lot.Name, cancellationToken);
            var zones = await db.Zones.AsNoTracking().Where(zone => lotIds.Contains(zone.LotId))
                .ToDictionaryAsync(zone => (zone.LotId, zone.ZoneId), zone => zone.Name, cancellationToken);
            var rules = new List<AlertRule>(rows.Count);
            foreach (var row in rows.Where(row => lots.ContainsKey(row.LotId)))
            {
                var lot = AlertScopes.Lot(row.LotId, lots[row.LotId]);
                if (row.ZoneId is not { } zoneId) rules.Add(ToRule(row, lot));
                else if (zones.TryGetValue((row.LotId, zoneId), out var zone)) rules.Add(ToRule(row, AlertScopes.Zone(lot, zoneId, zone)));
            }
            _active.Replace(rules);
        }
        finally
        {
            _reloading.Release();
        }
    }

    private static async Task<Dictionary<int, string>> ZonesAsync(SmartSpotDbContext db, Guid lotId, CancellationToken cancellationToken) =>
        await db.Zones.AsNoTracking().Where(zone => zone.LotId == lotId).OrderBy(zone => zone.ZoneId)
            .ToDictionaryAsync(zone => zone.ZoneId, zone => zone.Name, cancellationToken);

    /// <summary>The one mapping from a stored rule to the evaluator's; the rule id is the stored id, so the API's and the events' agree.</summary>
    private static AlertRule ToRule(AlertRuleEntity row, AlertScope scope)
    {
        var rule = new AlertRule(row.Id.ToString(), scope, row.Kind) { Threshold = row.Threshold };
        return rule.IsCountRule ? rule : rule with { Duration = TimeSpan.FromSeconds(row.DurationSeconds) };
    }

    private static LotAlertRule Describe(AlertRuleEntity row, IReadOnlyDictionary<int, string> zones)
    {
        var rule = ToRule(row, AlertScopes.Lot(row.LotId, "lot"));
        var zoneName = row.ZoneId is { } zoneId ? zones.GetValueOrDefault(zoneId) : null;
        return new LotAlertRule(
            row.Id, row.ZoneId, row.ZoneId is null ? "Lot" : zoneName ?? $"Zone {row.ZoneId} (removed)", row.Kind,
            rule.IsCountRule ? row.Threshold : null, rule.IsCountRule ? null : row.DurationSeconds, rule.Describe(),
            ZoneRemoved: row.ZoneId is not null && zoneName is null, row.CreatedAt);
    }
}
