using System.Collections.Concurrent;
using System.Threading.Channels;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Frames;

/// <summary>
/// Decodes a video file with an ffmpeg child process: ffprobe reads its header (and the limits are checked) before
/// anything is decoded, then ffmpeg writes raw yuv420p frames into a pipe that a thread of this source reads into pooled buffers.
/// </summary>
public sealed class VideoFileFrameSource : IFrameSource
{
    private readonly string _path;
    private readonly FrameSourceOptions _options;
    private readonly FrameBufferPool _pool;
    private readonly ConcurrentQueue<int> _processIds = new();

    public VideoFileFrameSource(string path, FrameSourceOptions? options = null)
    {
        _path = path;
        _options = options ?? new FrameSourceOptions();
        CheckReadable(path);
        Info = FfprobeReader.Read(path, _options);
        var frameLength = Frame.LengthOf(new PixelSize(Info.Width, Info.Height), FramePixelFormat.Yuv420p);
        _pool = new FrameBufferPool(frameLength, maxIdle: _options.ReadAhead + 2);
    }

    public VideoInfo Info { get; }

    public bool EndedEarly { get; private set; }

    /// <summary>Pixel buffers handed out and not yet returned (the tests check that none leaks).</summary>
    internal int BuffersInUse => _pool.Rented;

    /// <summary>Every ffmpeg process this source started (the tests check that none outlives it).</summary>
    internal IReadOnlyCollection<int> ProcessIds => _processIds;

    public IAsyncEnumerable<Frame> ReadAsync(CancellationToken cancellationToken) =>
        FrameChannel.ReadAsync(Decode, _options.ReadAhead, cancellationToken);

    /// <summary>Nothing to release: each enumeration owns its ffmpeg process and ends it.</summary>
    public void Dispose()
    {
    }

    private void Decode(ChannelWriter<Frame> writer, CancellationToken cancellationToken)
    {
        var every = _options.AnalyzeEvery;
        var size = new PixelSize(Info.Width, Info.Height);
        using var ffmpeg = FfmpegProcess.Start(_options.FfmpegPath, FfmpegArguments.Decode(_path, live: false, every, size: null, _options));
        _processIds.Enqueue(ffmpeg.Id);
        using var killOnCancel = cancellationToken.Register(ffmpeg.Kill);
        var read = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var pixels = _pool.Rent();
            if (ffmpeg.Output.ReadAtLeast(pixels.AsSpan(0, _pool.BufferLength), _pool.BufferLength, throwOnEndOfStream: false) < _pool.BufferLength)
            {
                _pool.Return(pixels);
                break;
            }
            var index = read * every;
            FrameChannel.Write(writer, new Frame(pixels, _pool, size, FramePixelFormat.Yuv420p, index, TimeSpan.FromSeconds(index / Info.Fps)), cancellationToken);
            read++;
        }
        var exitCode = ffmpeg.WaitForExit();
        cancellationToken.ThrowIfCancellationRequested();
        if (read == 0)
        {
            throw new InvalidInputException(exitCode != 0
                ? FfmpegErrors.Explain(ffmpeg.ErrorTail, _path, _options.MaxPixels)
                : $"The video '{_path}' contains no frame that can be decoded. Check that the file is a complete video.");
        }
        var announced = (Info.FrameCount + every - 1) / every;
        EndedEarly = read < announced - 1;
    }

    private static void CheckReadable(string path)
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
    }
}
