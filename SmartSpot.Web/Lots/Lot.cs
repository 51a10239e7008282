namespace SmartSpot.Web.Lots;

/// <summary>A lot (one camera's view): its name, where its pictures come from, and its spots, zones and settings. Analyses run on a lot.</summary>
public sealed record Lot(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, LotSource Source, LotLayout Layout);
