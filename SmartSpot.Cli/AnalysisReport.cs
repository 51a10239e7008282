using System.Text.Json.Serialization;
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
        new VideoPart(video.Source, video.Width, video.Height, Math.Round(video.Fps, 3), video.FrameCount, video.IsLive),
        spots.Spots.Select(spot => new SpotPart(spot.Id, spot.Box.X, spot.Box.Y, spot.Box.Width, spot.Box.Height)).ToList(),
        history.Intervals.Select(i => new IntervalPart(i.SpotId, CliOutput.Name(i.Status), i.StartFrame, i.EndFrame)).ToList(),
        history.Timeline.Select(p => new TimelinePart(p.Frame, Math.Round(p.Time.TotalSeconds, 3), p.Free, p.Occupied, p.FollowsGap)).ToList(),
        stats);

    /// <param name="Path">The file, or the stream URL with its credentials masked.</param>
    /// <param name="Frames">Frames the container announces (0 for a stream): the frames analysed are in <see cref="StatsPart"/>.</param>
    public sealed record VideoPart(string Path, int Width, int Height, double Fps, int Frames, bool Live);

    public sealed record SpotPart(int Id, int X, int Y, int Width, int Height);

    /// <param name="StartFrame">First analysed frame of the interval (inclusive).</param>
    /// <param name="EndFrame">Last analysed frame of the interval (inclusive).</param>
    public sealed record IntervalPart(int Spot, string Status, int StartFrame, int EndFrame);

    /// <param name="FollowsGap">Written only when true: frames were lost before this one (the stream dropped).</param>
    public sealed record TimelinePart(int Frame, double Time, int Free, int Occupied, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool FollowsGap);

    /// <param name="EndedEarly">The video ended before the frame count its container announces (truncated).</param>
    /// <param name="FramesDropped">Stream frames that came while the analysis was still busy (0 for files).</param>
    /// <param name="Reconnects">Times the stream dropped and came back (0 for files).</param>
    public sealed record StatsPart(int FramesAnalyzed, long Classifications, double ElapsedSeconds, double Fps, bool EndedEarly, long FramesDropped, int Reconnects);
}
