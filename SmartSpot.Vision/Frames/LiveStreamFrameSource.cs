using System.Collections.Concurrent;
using System.Threading.Channels;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Frames;

/// <summary>
/// A camera stream (rtsp, rtsps, http, https: MPEG-TS, HLS, MJPEG) decoded by an ffmpeg child process. It never ends by
/// itself: when the stream ends, fails or stalls, ffmpeg is restarted after a growing pause and the first frame after
/// the gap says so (<see cref="Frame.FollowsGap"/>). Frames carry wall-clock time since the first frame; while the
/// consumer is busy they wait in a buffer of <see cref="LiveStreamOptions.BufferMegabytes"/>; when that is full, new frames
/// are dropped and counted, so the analysis never lags the camera by more than the buffer.
/// </summary>
public sealed class LiveStreamFrameSource : IFrameSource
{
    private readonly string _url;
    private readonly FrameSourceOptions _options;
    private readonly TimeProvider _time;
    private long? _firstFrameAt;
    private readonly FrameBufferPool _pool;
    private readonly int _bufferFrames;
    private readonly ConcurrentQueue<int> _processIds = new();
    private FfmpegProcess? _firstConnection;
    private StreamConnection _connection;
    private int _nextIndex;
    private long _received;
    private long _dropped;

    /// <summary>Connects and reads the stream's header; throws <see cref="InvalidInputException"/> when the first connection fails.</summary>
    public LiveStreamFrameSource(string url, FrameSourceOptions? options = null, TimeProvider? time = null)
    {
        (_url, _options, _time) = (url, options ?? new FrameSourceOptions(), time ?? TimeProvider.System);
        var source = UrlCredentials.Mask(url);
        var (process, header, error) = Connect(size: null, CancellationToken.None);
        if (process is null)
        {
            throw new InvalidInputException(error!);
        }
        Info = new VideoInfo(source, header.Size.Width, header.Size.Height, header.Fps, FrameCount: 0, IsLive: true);
        try
        {
            // A stream that announces no rate is still a stream: its frames carry the time they arrived.
            VideoLimits.Check(header.Fps > 0 ? Info : Info with { Fps = _options.MinFps }, _options);
        }
        catch
        {
            process.Dispose();
            throw;
        }
        _firstConnection = process;
        var frameBytes = Frame.LengthOf(header.Size, FramePixelFormat.Yuv420p);
        _bufferFrames = _options.Live.BufferFrames(frameBytes, minimum: _options.ReadAhead);
        _pool = new FrameBufferPool(frameBytes, maxIdle: _bufferFrames + 2);
        _connection = new StreamConnection(StreamStatus.Live, _time.GetUtcNow(), null, 0);
    }

    public VideoInfo Info { get; }

    /// <summary>A live stream has no announced end.</summary>
    public bool EndedEarly => false;

    /// <summary>Live, reconnecting or offline, since when and why.</summary>
    public StreamConnection Connection => Volatile.Read(ref _connection);

    /// <summary>Raised on the reading thread whenever <see cref="Connection"/> changes: keep the handler quick.</summary>
    public event Action<StreamConnection>? ConnectionChanged;

    /// <summary>Frames received from the stream (the every-Nth selection applied).</summary>
    public long FramesReceived => Interlocked.Read(ref _received);

    /// <summary>Frames dropped because the analysis was still busy with earlier ones.</summary>
    public long FramesDropped => Interlocked.Read(ref _dropped);

    internal int BuffersInUse => _pool.Rented;

    internal IReadOnlyCollection<int> ProcessIds => _processIds;

    public IAsyncEnumerable<Frame> ReadAsync(CancellationToken cancellationToken) =>
        FrameChannel.ReadAsync(Run, _bufferFrames, cancellationToken);

    public void Dispose() => Interlocked.Exchange(ref _firstConnection, null)?.Dispose();

    /// <summary>Reads the open connection, then reconnects for as long as the consumer reads.</summary>
    private void Run(ChannelWriter<Frame> writer, CancellationToken cancellationToken)
    {
        var process = Interlocked.Exchange(ref _firstConnection, null);
        var backoff = new ReconnectBackoff();
        var droppedAt = _time.GetUtcNow();
        while (true)
        {
            if (process is not null)
            {
                var (delivered, reason) = Pump(process, writer, followsGap: FramesReceived > 0, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                if (delivered) backoff.Reset();
                droppedAt = _time.GetUtcNow();
                Publish(Connection with { Status = StreamStatus.Reconnecting, Since = droppedAt, LastError = reason });
            }
            Task.Delay(backoff.Next(), _time, cancellationToken).GetAwaiter().GetResult();
            (process, _, var error) = Connect(new PixelSize(Info.Width, Info.Height), cancellationToken);
            if (process is null)
            {
                var offline = _time.GetUtcNow() - droppedAt >= TimeSpan.FromSeconds(_options.Live.OfflineAfterSeconds);
                Publish(Connection with { Status = offline ? StreamStatus.Offline : StreamStatus.Reconnecting, LastError = error });
            }
            else
            {
                Publish(Connection with { Status = StreamStatus.Live, Since = _time.GetUtcNow(), Reconnects = Connection.Reconnects + 1 });
            }
        }
    }

    /// <summary>Moves frames from one ffmpeg process into the channel until it ends or stalls; says whether any came and why it ended.</summary>
    private (bool Delivered, string Reason) Pump(FfmpegProcess process, ChannelWriter<Frame> writer, bool followsGap, CancellationToken cancellationToken)
    {
        using (process)
        {
            using var killOnCancel = cancellationToken.Register(process.Kill);
            var size = new PixelSize(Info.Width, Info.Height);
            var lastFrame = _time.GetTimestamp();
            var stall = TimeSpan.FromSeconds(_options.Live.StallSeconds);
            var watchdogFired = 0;
            using var watchdog = _time.CreateTimer(_ =>
            {
                if (_time.GetElapsedTime(Interlocked.Read(ref lastFrame)) < stall) return;
                Interlocked.Exchange(ref watchdogFired, 1);
                process.Kill();
            }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
            var delivered = false;
            var gapPending = followsGap;
            while (!cancellationToken.IsCancellationRequested)
            {
                var pixels = _pool.Rent();
                if (process.Output.ReadAtLeast(pixels.AsSpan(0, _pool.BufferLength), _pool.BufferLength, throwOnEndOfStream: false) < _pool.BufferLength)
                {
                    _pool.Return(pixels);
                    break;
                }
                Interlocked.Exchange(ref lastFrame, _time.GetTimestamp());
                _firstFrameAt ??= _time.GetTimestamp();
                var frame = new Frame(pixels, _pool, size, FramePixelFormat.Yuv420p, _nextIndex, _time.GetElapsedTime(_firstFrameAt.Value), gapPending);
                _nextIndex += _options.AnalyzeEvery;
                Interlocked.Increment(ref _received);
                delivered = true;
                // Dropped while the analysis is busy and the buffer is full; the gap mark goes to the next frame it gets.
                if (FrameChannel.TryWrite(writer, frame)) gapPending = false;
                else Interlocked.Increment(ref _dropped);
            }
            var exitCode = process.WaitForExit();
            // Went quiet: our watchdog ended it, or FFmpeg's own read timeout did (it then flushes what it holds and exits 0).
            var stalled = Volatile.Read(ref watchdogFired) == 1 || process.ErrorTail.Any(line => line.Contains("timed out", StringComparison.OrdinalIgnoreCase));
            var reason = stalled && delivered
                ? $"No picture from '{Info.Source}' for {Math.Min(stall.TotalSeconds, _options.Live.ConnectTimeoutSeconds):0} s: the stream stalled."
                : exitCode == 0
                    ? $"The stream '{Info.Source}' ended: the camera closed the connection."
                    : FfmpegErrors.Explain(process.ErrorTail, Info.Source, _options.MaxPixels);
            return (delivered, reason);
        }
    }

    /// <summary>Starts ffmpeg and waits for the header of its output; on failure the process is gone and the error says why.</summary>
    private (FfmpegProcess? Process, (PixelSize Size, double Fps) Header, string? Error) Connect(PixelSize? size, CancellationToken cancellationToken)
    {
        var source = UrlCredentials.Mask(_url);
        var process = FfmpegProcess.Start(_options.FfmpegPath, FfmpegArguments.Decode(_url, live: true, _options.AnalyzeEvery, size, _options));
        _processIds.Enqueue(process.Id);
        // ffmpeg announces its output once the first frame is decoded: connecting, probing and one frame.
        var patience = TimeSpan.FromSeconds(_options.Live.ConnectTimeoutSeconds + 5);
        bool answered;
        try
        {
            answered = process.OutputVideoLine.Wait(patience, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Dispose();
            throw;
        }
        if (answered && FfmpegOutputHeader.Parse(process.OutputVideoLine.Result) is { } header) return (process, header, null);
        process.Kill();
        process.WaitForExit();
        var error = answered
            ? FfmpegErrors.Explain(process.ErrorTail, source, _options.MaxPixels)
            : $"'{source}' sent no picture within {patience.TotalSeconds:0} s. Check that the URL is the camera's video stream.";
        process.Dispose();
        return (null, default, error);
    }

    private void Publish(StreamConnection connection)
    {
        Volatile.Write(ref _connection, connection);
        ConnectionChanged?.Invoke(connection);
    }
}
