namespace SmartSpot.Vision.Spots;

/// <summary>One parking spot: a stable id and its bounding box in frame pixels, and its outline when it was drawn as one.</summary>
/// <param name="Id">From a mask: 1-based, ordered top-to-bottom, then left-to-right. From drawn shapes: the shape's id.</param>
/// <param name="Area">Pixels of the spot's shape in the mask, or the area of its outline (not of its box).</param>
/// <param name="Quad">The four corners it was drawn with, in the same pixels as <paramref name="Box"/>; null for a mask component (its box is its outline).</param>
public sealed record ParkingSpot(int Id, PixelBox Box, int Area, SpotQuad? Quad = null)
{
    /// <summary>The spot's four corners: as drawn, or its box's.</summary>
    public SpotQuad Outline => Quad ?? SpotQuad.FromBox(Box);

    /// <summary>
    /// Its pixels are its box's: a mask component, or an outline drawn as an upright rectangle (within half a pixel).
    /// Any other outline is warped to an upright crop for the classifier, and only its inside is watched for change.
    /// </summary>
    public bool FillsBox => Quad is not { } quad || quad.IsAxisAligned(0.5);
}
