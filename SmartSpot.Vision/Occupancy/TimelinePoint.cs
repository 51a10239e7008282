namespace SmartSpot.Vision.Occupancy;

/// <summary>The counts after one analysed frame.</summary>
public sealed record TimelinePoint(int Frame, TimeSpan Time, int Free, int Occupied);
