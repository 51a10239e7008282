namespace SmartSpot.Vision.Classification;

/// <summary>Whether a parking spot is free or taken.</summary>
public enum SpotStatus
{
    Free,
    Occupied,
}
