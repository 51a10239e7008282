using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace SmartSpot.Vision.Frames;

/// <summary>
/// Runs a frame producer on a thread of its own and hands its frames to the consumer through a small bounded channel.
/// When the consumer stops (end, break, cancellation, error) the producer is cancelled and awaited, and frames still
/// in the channel are disposed: no buffer and no child process outlives the enumeration.
/// </summary>
internal static class FrameChannel
{
    /// <param name="produce">
    /// Writes frames until done or cancelled: with <see cref="Write"/>, which waits for room (files: nothing is lost), or
    /// <see cref="TryWrite"/>, which drops the frame when the consumer is busy (live: never fall behind). An exception it
    /// throws reaches the consumer.
    /// </param>
    public static async IAsyncEnumerable<Frame> ReadAsync(
        Action<ChannelWriter<Frame>, CancellationToken> produce,
        int capacity,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var frames = Channel.CreateBounded<Frame>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Reading the pipe blocks for the whole video: a thread of its own, not one borrowed from the pool
        // (four live analyses would otherwise starve the pool that serves the dashboard).
        var producing = Task.Factory.StartNew(
            () => Produce(produce, frames.Writer, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await foreach (var frame in frames.Reader.ReadAllAsync(cancellationToken))
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    // A frame already waiting is not handed out once the consumer has cancelled.
                    frame.Dispose();
                    cancellationToken.ThrowIfCancellationRequested();
                }
                yield return frame;
            }
            await producing;
        }
        finally
        {
            await stop.CancelAsync();
            await producing.ContinueWith(_ => { }, TaskScheduler.Default);
            while (frames.Reader.TryRead(out var leftover))
            {
                leftover.Dispose();
            }
        }
    }

    /// <summary>Hands a frame over, waiting for room; disposes it when the consumer has gone.</summary>
    public static void Write(ChannelWriter<Frame> writer, Frame frame, CancellationToken cancellationToken)
    {
        try
        {
            while (!writer.TryWrite(frame))
            {
                if (!writer.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
                {
                    throw new OperationCanceledException("Nobody reads the frames any more.");
                }
            }
        }
        catch
        {
            frame.Dispose();
            throw;
        }
    }

    /// <summary>Hands a frame over if there is room; else disposes it and says so.</summary>
    public static bool TryWrite(ChannelWriter<Frame> writer, Frame frame)
    {
        if (writer.TryWrite(frame)) return true;
        frame.Dispose();
        return false;
    }

    private static void Produce(Action<ChannelWriter<Frame>, CancellationToken> produce, ChannelWriter<Frame> writer, CancellationToken cancellationToken)
    {
        try
        {
            produce(writer, cancellationToken);
            writer.TryComplete();
        }
        catch (Exception error)
        {
            writer.TryComplete(error);
        }
    }
}
