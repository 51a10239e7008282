namespace SmartSpot.Vision.Occupancy;

/// <summary>The lot after one analysed frame: every spot's confirmed state and the counts.</summary>
/// <param name="Spots">In spot-map order.</param>
/// <param name="Changed">Ids of the spots that flipped in this frame.</param>
/// <param name="FollowsGap">Frames were lost just before this one (a live stream dropped and came back).</param>
public sealed record OccupancySnapshot(int Frame, TimeSpan Time, IReadOnlyList<SpotState> Spots, IReadOnlyList<int> Changed, bool FollowsGap = false)
{
    public int Total => Spots.Count;

    public int Occupied { get; } = Spots.Count(spot => spot.Status == Classification.SpotStatus.Occupied);

    public int Free => Total - Occupied;
}
