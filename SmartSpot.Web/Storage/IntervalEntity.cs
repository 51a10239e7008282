using SmartSpot.Vision.Classification;

namespace SmartSpot.Web.Storage;

/// <summary>A stretch of frames (both ends inclusive) over which a spot kept one status.</summary>
public sealed class IntervalEntity
{
    public long Id { get; set; }

    public Guid SessionId { get; set; }

    public int SpotId { get; set; }

    public SpotStatus Status { get; set; }

    public int StartFrame { get; set; }

    public int EndFrame { get; set; }

    public double StartSeconds { get; set; }

    public double EndSeconds { get; set; }
}
