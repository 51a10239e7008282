namespace SmartSpot.Web.Lots;

/// <summary>A named group of a lot's spots ("Row A", "EV bays"); a spot may be in several zones.</summary>
/// <param name="SpotIds">Ids of the lot's spots, ascending.</param>
public sealed record LotZone(int Id, string Name, IReadOnlyList<int> SpotIds);
