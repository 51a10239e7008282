using OpenCvSharp;

namespace SmartSpot.Vision.Frames;

/// <summary>One decoded BGR video frame with its position in the video; owns its Mat.</summary>
public sealed class Frame(Mat image, int index, TimeSpan timestamp) : IDisposable
{
    public Mat Image { get; } = image;

    /// <summary>Zero-based frame number in the video.</summary>
    public int Index { get; } = index;

    /// <summary>Video time of this frame.</summary>
    public TimeSpan Timestamp { get; } = timestamp;

    public void Dispose() => Image.Dispose();
}
