namespace SmartSpot.Web.Storage;

/// <summary>One spot of a stored analysis: its id and box in video pixels.</summary>
public sealed class SpotEntity
{
    public Guid SessionId { get; set; }

    public int SpotId { get; set; }

    public int X { get; set; }

    public int Y { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>Pixels of the spot's shape in the mask.</summary>
    public int Area { get; set; }
}
