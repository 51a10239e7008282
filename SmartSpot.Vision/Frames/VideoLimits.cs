namespace SmartSpot.Vision.Frames;

/// <summary>Refuses, before decoding, a video whose header announces a picture too large or a frame rate no camera has.</summary>
internal static class VideoLimits
{
    /// <summary>Throws <see cref="InvalidInputException"/> naming the limit that <paramref name="video"/> breaks.</summary>
    public static void Check(VideoInfo video, FrameSourceOptions options)
    {
        if (video.Width <= 0 || video.Height <= 0)
        {
            throw new InvalidInputException($"The video '{video.Source}' has no picture (width/height 0). Use a video with a video track.");
        }
        if ((long)video.Width * video.Height > options.MaxPixels)
        {
            throw new InvalidInputException(OverPixelLimit(video.Source, video.Width, video.Height, options.MaxPixels));
        }
        if (!(video.Fps >= options.MinFps && video.Fps <= options.MaxFps))
        {
            throw new InvalidInputException(
                $"The video '{video.Source}' announces {video.Fps:G4} frames per second, outside the accepted {options.MinFps:G4}-{options.MaxFps:G4} (limits MinFps/MaxFps). Its header is broken or it is not a camera video: re-encode it with a real frame rate, e.g. ffmpeg -i IN -r 30 OUT.mp4.");
        }
    }

    public static string OverPixelLimit(string source, long width, long height, long maxPixels) =>
        $"The video '{source}' is {width}x{height} ({width * height:N0} pixels), over the limit of {maxPixels:N0} pixels (limit MaxPixels, 8K UHD by default). Scale it down, e.g. ffmpeg -i IN -vf scale=1920:-2 OUT.mp4, or raise the limit.";
}
