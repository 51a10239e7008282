namespace SmartSpot.Vision.Frames;

/// <summary>A video as a stream of frames; the consumer disposes each frame it receives.</summary>
public interface IFrameSource : IDisposable
{
    VideoInfo Info { get; }

    /// <summary>Frames read so far ended before the announced count (a truncated file).</summary>
    bool EndedEarly { get; }

    IAsyncEnumerable<Frame> ReadAsync(CancellationToken cancellationToken);
}
