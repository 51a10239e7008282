using System.Runtime.CompilerServices;
using System.Threading.Channels;
using OpenCvSharp;

namespace SmartSpot.Vision.Frames;

/// <summary>Decodes a video file (or anything OpenCV's FFmpeg backend opens) on a background thread.</summary>
public sealed class VideoFileFrameSource : IFrameSource
{
    private readonly VideoCapture _capture;
    private readonly FrameSourceOptions _options;

    public VideoFileFrameSource(string path, FrameSourceOptions? options = null)
    {
        _options = options ?? new FrameSourceOptions();
        _capture = Open(path);
        Info = new VideoInfo(
            path,
            _capture.FrameWidth,
            _capture.FrameHeight,
            _capture.Fps,
            Math.Max(0, _capture.FrameCount));
        if (Info.Width <= 0 || Info.Height <= 0)
        {
            _capture.Dispose();
            throw new InvalidInputException($"The video '{path}' has no picture (width/height 0). Upload a video with a video track.");
        }
    }

    public VideoInfo Info { get; }

    public bool EndedEarly { get; private set; }

    public async IAsyncEnumerable<Frame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var frames = Channel.CreateBounded<Frame>(new BoundedChannelOptions(_options.ReadAhead)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Decoding blocks in native code for the whole video: a thread of its own, not one borrowed from the pool
        // (four live analyses would otherwise starve the pool that serves the dashboard).
        var decoding = Task.Factory.StartNew(
            () => Decode(frames.Writer, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await foreach (var frame in frames.Reader.ReadAllAsync(cancellationToken))
            {
                yield return frame;
            }
            await decoding;
        }
        finally
        {
            await stop.CancelAsync();
            await decoding.ContinueWith(_ => { }, TaskScheduler.Default);
            while (frames.Reader.TryRead(out var leftover))
            {
                leftover.Dispose();
            }
        }
    }

    public void Dispose() => _capture.Dispose();

    private void Decode(ChannelWriter<Frame> writer, CancellationToken cancellationToken)
    {
        var index = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (index % _options.AnalyzeEvery != 0)
                {
                    if (!_capture.Grab()) break;
                    index++;
                    continue;
                }
                var image = new Mat();
                if (!_capture.Read(image) || image.Empty())
                {
                    image.Dispose();
                    break;
                }
                var frame = new Frame(image, index, TimestampOf(index));
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
                catch (OperationCanceledException)
                {
                    frame.Dispose();
                    throw;
                }
                index++;
            }
            if (index == 0 && !cancellationToken.IsCancellationRequested)
            {
                throw new InvalidInputException($"The video '{Info.Source}' contains no frame that can be decoded. Check that the file is a complete video.");
            }
            EndedEarly = Info.FrameCount > 0 && index < Info.FrameCount - 1 && !cancellationToken.IsCancellationRequested;
            writer.TryComplete();
        }
        catch (Exception error)
        {
            writer.TryComplete(error);
        }
    }

    private TimeSpan TimestampOf(int index) =>
        Info.Fps > 0 ? TimeSpan.FromSeconds(index / Info.Fps) : TimeSpan.Zero;

    private static VideoCapture Open(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new InvalidInputException($"The video '{path}' does not exist. Check the path.");
        }
        if (file.Length == 0)
        {
            throw new InvalidInputException($"The video '{path}' is empty (0 bytes). Upload the file again.");
        }
        try
        {
            using var probe = File.OpenRead(path);
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            throw new InvalidInputException($"The video '{path}' cannot be read: {error.Message}", error);
        }
        NativeVideoLogging.EnsureSilenced();
        var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw new InvalidInputException($"'{path}' is not a video that can be decoded (or it is truncated). Use an MP4/AVI/MKV file from the camera.");
        }
        return capture;
    }
}
