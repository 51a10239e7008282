namespace SmartSpot.Web.Storage;

/// <summary>One spot of a lot: its stable id, its name and its four corners in the lot's frame pixels.</summary>
public sealed class LotSpotEntity
{
    public Guid LotId { get; set; }

    public int SpotId { get; set; }

    public required string Name { get; set; }

    public double X1 { get; set; }

    public double Y1 { get; set; }

    public double X2 { get; set; }

    public double Y2 { get; set; }

    public double X3 { get; set; }

    public double Y3 { get; set; }

    public double X4 { get; set; }

    public double Y4 { get; set; }
}
