namespace SmartSpot.Web.Storage;

/// <summary>One spot's membership of a zone.</summary>
public sealed class ZoneSpotEntity
{
    public Guid LotId { get; set; }

    public int ZoneId { get; set; }

    public int SpotId { get; set; }
}
