using SmartSpot.Vision.Change;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Pipeline;

/// <summary>Every setting of one analysis, stage by stage; each has a documented default.</summary>
public sealed record PipelineOptions
{
    public FrameSourceOptions Frames { get; init; } = new();

    public SpotMapOptions Spots { get; init; } = new();

    public ChangeOptions Change { get; init; } = new();

    public OccupancyOptions Occupancy { get; init; } = new();

    public HistoryOptions History { get; init; } = new();
}
