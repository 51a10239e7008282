using SmartSpot.Vision.Classification;

namespace SmartSpot.Vision.Occupancy;

/// <summary>A stretch of analysed frames (both ends inclusive) over which a spot kept one status.</summary>
public sealed record SpotInterval(int SpotId, SpotStatus Status, int StartFrame, int EndFrame, TimeSpan StartTime, TimeSpan EndTime);
