namespace SmartSpot.Vision.Occupancy;

/// <summary>The counts after one analysed frame.</summary>
/// <param name="FollowsGap">Frames were lost just before this one (a live stream dropped): the chart shows a gap.</param>
public sealed record TimelinePoint(int Frame, TimeSpan Time, int Free, int Occupied, bool FollowsGap = false);
