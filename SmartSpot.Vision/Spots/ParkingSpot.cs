namespace SmartSpot.Vision.Spots;

/// <summary>One parking spot: a stable id and its bounding box in frame pixels.</summary>
/// <param name="Id">1-based, ordered top-to-bottom, then left-to-right.</param>
/// <param name="Area">Pixels of the spot's shape in the mask (not of its box).</param>
public sealed record ParkingSpot(int Id, PixelBox Box, int Area);
