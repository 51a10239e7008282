using System.Collections.Concurrent;
using OpenCvSharp;

namespace SmartSpot.Demo;

/// <summary>
/// Encodes frames on a second thread while the caller draws the next ones: rent a frame, draw into it, submit it.
/// A few frames circulate between drawing and encoding, so nothing is allocated per frame.
/// </summary>
internal sealed class BackgroundVideoWriter : IDisposable
{
    private const int FramesInFlight = 3;
    private readonly BlockingCollection<Mat> _free = new(FramesInFlight);
    private readonly BlockingCollection<Mat> _full = new(FramesInFlight);
    private readonly List<Mat> _frames = [];
    private readonly VideoWriter _writer;
    private readonly Task _encoding;

    /// <param name="path">The file; its extension picks the container.</param>
    /// <param name="fourCc">The codec, e.g. mp4v (MPEG-4 Part 2) or MJPG.</param>
    public BackgroundVideoWriter(string path, string fourCc, double fps, Size size)
    {
        _writer = new VideoWriter(path, FourCC.FromString(fourCc), fps, size);
        if (!_writer.IsOpened())
        {
            _writer.Dispose();
            throw new InvalidOperationException($"OpenCV cannot write a {fourCc} video to '{path}'.");
        }
        for (var index = 0; index < FramesInFlight; index++)
        {
            var frame = new Mat(size, MatType.CV_8UC3);
            _frames.Add(frame);
            _free.Add(frame);
        }
        // Encoding blocks for the whole video: a thread of its own, not one borrowed from the pool.
        _encoding = Task.Factory.StartNew(Encode, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>A frame to draw into; blocks while all frames are queued for encoding.</summary>
    public Mat Rent()
    {
        if (_free.TryTake(out var frame, Timeout.Infinite)) return frame;
        _encoding.GetAwaiter().GetResult();
        throw new InvalidOperationException("The video encoder stopped.");
    }

    public void Submit(Mat frame)
    {
        if (_encoding.IsFaulted) _encoding.GetAwaiter().GetResult();
        _full.Add(frame);
    }

    /// <summary>Waits until every submitted frame is encoded and closes the file.</summary>
    public void Complete()
    {
        _full.CompleteAdding();
        _encoding.GetAwaiter().GetResult();
        _writer.Release();
    }

    public void Dispose()
    {
        _full.CompleteAdding();
        _encoding.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
        _writer.Dispose();
        _frames.ForEach(frame => frame.Dispose());
        _free.Dispose();
        _full.Dispose();
    }

    private void Encode()
    {
        try
        {
            foreach (var frame in _full.GetConsumingEnumerable())
            {
                _writer.Write(frame);
                _free.Add(frame);
            }
        }
        catch
        {
            _free.CompleteAdding();
            throw;
        }
    }
}
