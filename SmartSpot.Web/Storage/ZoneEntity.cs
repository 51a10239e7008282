namespace SmartSpot.Web.Storage;

/// <summary>A named group of a lot's spots ("Row A", "EV"); a spot may be in several.</summary>
public sealed class ZoneEntity
{
    public Guid LotId { get; set; }

    public int ZoneId { get; set; }

    public required string Name { get; set; }

    public List<ZoneSpotEntity> Spots { get; set; } = [];
}
