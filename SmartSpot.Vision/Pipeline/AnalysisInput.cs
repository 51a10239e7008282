using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Pipeline;

/// <summary>A video and its spot map, checked against each other and ready to analyse.</summary>
public sealed class AnalysisInput(IFrameSource source, SpotMap spots) : IDisposable
{
    public IFrameSource Source { get; } = source;

    /// <summary>The spots in video pixels.</summary>
    public SpotMap Spots { get; } = spots;

    /// <summary>Opens the video and reads the mask; throws <see cref="InvalidInputException"/> on anything unusable.</summary>
    public static AnalysisInput Open(string videoPath, string maskPath, PipelineOptions options) =>
        Open(videoPath, SpotMap.Load(maskPath, options.Spots), options);

    /// <summary>Opens the video for spots known already (drawn outlines, a mask read before), fitted to its size; throws <see cref="InvalidInputException"/> on anything unusable.</summary>
    public static AnalysisInput Open(string videoPath, SpotMap spots, PipelineOptions options)
    {
        var source = new VideoFileFrameSource(videoPath, options.Frames);
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
