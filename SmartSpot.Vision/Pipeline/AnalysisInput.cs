using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Pipeline;

/// <summary>A video (file or live stream) and its spot map, checked against each other and ready to analyse.</summary>
public sealed class AnalysisInput(IFrameSource source, SpotMap spots) : IDisposable
{
    public IFrameSource Source { get; } = source;

    /// <summary>The spots in video pixels.</summary>
    public SpotMap Spots { get; } = spots;

    /// <summary>
    /// Reads the mask, then opens the video: a file path, or an rtsp://, rtsps://, http:// or https:// camera URL (connected
    /// here, so that a wrong address fails now). Throws <see cref="InvalidInputException"/> on anything unusable.
    /// </summary>
    public static AnalysisInput Open(string video, string maskPath, PipelineOptions options) =>
        Open(video, SpotMap.Load(maskPath, options.Spots), options);

    /// <summary>Opens the video (a file path or a camera URL, as above) for spots known already (drawn outlines, a mask read before), fitted to its size; throws <see cref="InvalidInputException"/> on anything unusable.</summary>
    public static AnalysisInput Open(string video, SpotMap spots, PipelineOptions options)
    {
        IFrameSource source = UrlCredentials.IsStreamUrl(video)
            ? new LiveStreamFrameSource(video, options.Frames)
            : new VideoFileFrameSource(video, options.Frames);
        try
        {
            var fitted = spots.FitTo(new PixelSize(source.Info.Width, source.Info.Height), options.Spots.AspectTolerance);
            return new AnalysisInput(source, fitted);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    public void Dispose() => Source.Dispose();
}
