namespace SmartSpot.Web.Storage;

/// <summary>One spot of a stored analysis: its id and box in video pixels, and its four corners when it was drawn as an outline.</summary>
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

    /// <summary>The outline's corners in video pixels; all null for a mask component (its box is its outline) and in databases of SmartSpot 1.</summary>
    public double? X1 { get; set; }

    public double? Y1 { get; set; }

    public double? X2 { get; set; }

    public double? Y2 { get; set; }

    public double? X3 { get; set; }

    public double? Y3 { get; set; }

    public double? X4 { get; set; }

    public double? Y4 { get; set; }
}
