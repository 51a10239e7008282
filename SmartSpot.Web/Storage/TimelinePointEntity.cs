namespace SmartSpot.Web.Storage;

/// <summary>The counts of a stored analysis after one analysed frame.</summary>
public sealed class TimelinePointEntity
{
    public Guid SessionId { get; set; }

    public int Frame { get; set; }

    public double Seconds { get; set; }

    public int Free { get; set; }

    public int Occupied { get; set; }

    /// <summary>Frames were lost just before this one: a live stream dropped and came back.</summary>
    public bool FollowsGap { get; set; }
}
