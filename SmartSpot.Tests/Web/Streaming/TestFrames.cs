using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Vision.Rendering;
using SmartSpot.Web.Streaming;

namespace SmartSpot.Tests.Web.Streaming;

/// <summary>Feeds and analysed frames for the streaming tests, drawn here.</summary>
public static class TestFrames
{
    public static FrameFeed Feed(PlaybackControl? playback = null, int maxWidth = 1280) =>
        new(new LiveFrameRenderer(new FrameRenderOptions { MaxWidth = maxWidth }), playback ?? new PlaybackControl(), TimeProvider.System, NullLogger.Instance);

    /// <summary>Publishes an empty-lot frame of <paramref name="size"/> as frame <paramref name="index"/>; the pipeline's frame is disposed at once, as the pipeline does.</summary>
    /// <param name="noisy">Random pixels: slow to encode, so that the renderer is busy for a while.</param>
    public static void Publish(FrameFeed feed, int index, Size? size = null, bool noisy = false)
    {
        using var image = SyntheticLot.Frame(size ?? new Size(64, 32));
        if (noisy) Cv2.Randu(image, Scalar.All(0), Scalar.All(255));
        using var frame = YuvFrames.From(image, index, TimeSpan.FromSeconds(index / 30.0));
        feed.Publish(new FrameResult(frame, new OccupancySnapshot(index, frame.Timestamp, [], []), [], []), []);
    }
}
