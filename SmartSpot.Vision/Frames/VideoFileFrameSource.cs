using System.Collections.Concurrent;
using System.Threading.Channels;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Frames;

/// <summary>
/// Decodes a video file with an ffmpeg child process: ffprobe reads its header (and the limits are checked) before
/// anything is decoded, then ffmpeg writes raw yuv420p frames into a pipe that a thread of this source reads into pooled buffers.
/// Every Nth frame (<see cref="FrameSourceOptions.AnalyzeEvery"/>), or only chosen frames (<see cref="At"/>).
/// </summary>
public sealed class VideoFileFrameSource : IFrameSource
{
    private readonly string _path;
    private readonly FrameSourceOptions _options;
    private readonly FrameBufferPool _pool;
    private readonly ConcurrentQueue<int> _processIds = new();
    private readonly IReadOnlyList<int>? _only;

    public VideoFileFrameSource(string path, FrameSourceOptions? options = null)
        : this(path, options, only: null)
    {
    }

    private VideoFileFrameSource(string path, FrameSourceOptions? options, IReadOnlyList<int>? only)
    {
        _path = path;
        _options = options ?? new FrameSourceOptions();
        _only = only;
        CheckReadable(path);
        Info = FfprobeReader.Read(path, _options);
        var frameLength = Frame.LengthOf(new PixelSize(Info.Width, Info.Height), FramePixelFormat.Yuv420p);
        _pool = new FrameBufferPool(frameLength, maxIdle: _options.ReadAhead + 2);
    }

    public VideoInfo Info { get; }

    /// <summary>
    /// A source of only the frames numbered <paramref name="frames"/> (zero-based, as <see cref="Frame.Index"/>), in increasing
    /// order (the others are decoded but not copied). Throws <see cref="InvalidInputException"/> for a number past the end the header announces.
    /// </summary>
    public static VideoFileFrameSource At(string path, IReadOnlyList<int> frames, FrameSourceOptions? options = null)
    {
        var only = frames.Distinct().Order().ToArray();
        if (only.Length == 0 || only[0] < 0) throw new ArgumentException("Give at least one frame number, none negative.", nameof(frames));
        var source = new VideoFileFrameSource(path, options, only);
        if (source.Info.FrameCount > 0 && only[^1] >= source.Info.FrameCount)
        {
            throw new InvalidInputException(
                $"The video '{path}' has {source.Info.FrameCount:N0} frames (0 to {source.Info.FrameCount - 1:N0}); frame {only[^1]:N0} is past its end. Choose a frame within it.");
        }
        return source;
    }

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
        using var ffmpeg = FfmpegProcess.Start(_options.FfmpegPath, FfmpegArguments.Decode(_path, live: false, every, size: null, _options, _only));
        _processIds.Enqueue(ffmpeg.Id);
        using var killOnCancel = cancellationToken.Register(ffmpeg.Kill);
        var read = 0;
        while (!cancellationToken.IsCancellationRequested && (_only is null || read < _only.Count))
        {
            var pixels = _pool.Rent();
            if (ffmpeg.Output.ReadAtLeast(pixels.AsSpan(0, _pool.BufferLength), _pool.BufferLength, throwOnEndOfStream: false) < _pool.BufferLength)
            {
                _pool.Return(pixels);
                break;
            }
            var index = _only?[read] ?? read * every;
            FrameChannel.Write(writer, new Frame(pixels, _pool, size, FramePixelFormat.Yuv420p, index, TimeSpan.FromSeconds(index / Info.Fps)), cancellationToken);
            read++;
        }
        if (_only is not null && read == _only.Count)
        {
            ffmpeg.Kill(); // Every chosen frame is read: the rest of the video need not be decoded.
        }
        var exitCode = ffmpeg.WaitForExit();
        cancellationToken.ThrowIfCancellationRequested();
        if (read == 0)
        {
            throw new InvalidInputException(exitCode != 0
                ? FfmpegErrors.Explain(ffmpeg.ErrorTail, _path, _options.MaxPixels)
                : $"The video '{_path}' contains no frame that can be decoded. Check that the file is a complete video.");
        }
        // A whole video may end one frame short of its header's estimate; chosen frames are each asked for.
        EndedEarly = _only is null ? read < (Info.FrameCount + every - 1) / every - 1 : read < _only.Count;
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
