using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Cli;

/// <summary>What <c>smartspot analyze --json</c> writes: the video, its spots, per-spot intervals, the count timeline, run figures.</summary>
public sealed record AnalysisReport(
    AnalysisReport.VideoPart Video,
    IReadOnlyList<AnalysisReport.SpotPart> Spots,
    IReadOnlyList<AnalysisReport.IntervalPart> Intervals,
    IReadOnlyList<AnalysisReport.TimelinePart> Timeline,
    AnalysisReport.StatsPart Stats)
{
    public static AnalysisReport From(VideoInfo video, SpotMap spots, OccupancyHistory history, StatsPart stats) => new(
        new VideoPart(video.Source, video.Width, video.Height, Math.Round(video.Fps, 3), video.FrameCount),
        spots.Spots.Select(spot => new SpotPart(spot.Id, spot.Box.X, spot.Box.Y, spot.Box.Width, spot.Box.Height)).ToList(),
        history.Intervals.Select(i => new IntervalPart(i.SpotId, CliOutput.Name(i.Status), i.StartFrame, i.EndFrame)).ToList(),
        history.Timeline.Select(p => new TimelinePart(p.Frame, Math.Round(p.Time.TotalSeconds, 3), p.Free, p.Occupied)).ToList(),
        stats);

    public sealed record VideoPart(string Path, int Width, int Height, double Fps, int Frames);

    public sealed record SpotPart(int Id, int X, int Y, int Width, int Height);

    /// <param name="StartFrame">First analysed frame of the interval (inclusive).</param>
    /// <param name="EndFrame">Last analysed frame of the interval (inclusive).</param>
    public sealed record IntervalPart(int Spot, string Status, int StartFrame, int EndFrame);

    public sealed record TimelinePart(int Frame, double Time, int Free, int Occupied);

    public sealed record StatsPart(int FramesAnalyzed, long Classifications, double ElapsedSeconds, double Fps);
}
