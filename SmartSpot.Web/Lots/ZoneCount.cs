namespace SmartSpot.Web.Lots;

/// <summary>A zone's counts at one moment: its analysed spots that are free and occupied.</summary>
public sealed record ZoneCount(int ZoneId, string Name, int Free, int Occupied)
{
    public int Total => Free + Occupied;
}
