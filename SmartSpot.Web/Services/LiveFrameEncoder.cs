using OpenCvSharp;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Vision.Rendering;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Web.Services;

/// <summary>
/// Annotates, scales and JPEG-encodes frames for a session's viewers on the side: drops a frame while the last one is
/// still encoding, and keeps the frame a paused analysis stopped on for viewers who arrive during the pause.
/// </summary>
internal sealed class LiveFrameEncoder : IDisposable
{
    private readonly AnalysisSession _session;
    private readonly StreamOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly FrameAnnotator _annotator = new();
    private readonly ImageEncodingParam[] _jpeg;
    private readonly Lock _lock = new();
    private Task _encoding = Task.CompletedTask;
    private Capture? _held;
    private long _sequence;

    public LiveFrameEncoder(AnalysisSession session, StreamOptions options, TimeProvider time, ILogger logger)
    {
        (_session, _options, _time, _logger) = (session, options, time, logger);
        _jpeg = [new ImageEncodingParam(ImwriteFlags.JpegQuality, options.JpegQuality)];
        session.WatchStarted += EncodeHeld;
    }

    /// <summary>Frames not encoded because the encoder was still busy.</summary>
    public long Dropped { get; private set; }

    /// <summary>Copies the frame to encode if anyone watches and the encoder is free, or to keep if the analysis is pausing; never waits.</summary>
    public void Offer(FrameResult result, IReadOnlyList<ParkingSpot> spots)
    {
        lock (_lock)
        {
            _held?.Dispose();
            _held = null;
            if (_session.IsWatched)
            {
                if (_encoding.IsCompleted)
                {
                    Start(Capture.Of(result, spots, _time.GetUtcNow()));
                    return;
                }
                Dropped++;
            }
            if (_session.Playback.IsPaused)
            {
                _held = Capture.Of(result, spots, _time.GetUtcNow());
            }
        }
    }

    /// <summary>Waits for the frame being encoded, so the last one is published before the session ends.</summary>
    public Task DrainAsync()
    {
        lock (_lock) return _encoding;
    }

    public void Dispose()
    {
        _session.WatchStarted -= EncodeHeld;
        lock (_lock)
        {
            _held?.Dispose();
            _held = null;
        }
    }

    private void EncodeHeld()
    {
        lock (_lock)
        {
            if (_held is null || !_encoding.IsCompleted || !_session.IsWatched) return;
            var held = _held;
            _held = null;
            Start(held);
        }
    }

    private void Start(Capture capture)
    {
        var sequence = ++_sequence;
        _encoding = Task.Run(() =>
        {
            using (capture)
            {
                try
                {
                    using var image = BgrFrameConverter.ToBgr(capture.Frame);
                    _annotator.Annotate(image, capture.Spots, capture.Snapshot);
                    _session.Publish(new LiveFrame(sequence, capture.Index, capture.VideoTime, capture.AnalysedAt, Encode(image)));
                }
                catch (Exception error)
                {
                    _logger.LogWarning(error, "Could not encode frame {Frame} of session {SessionId}; viewers keep the previous one.", capture.Index, _session.Id);
                }
            }
        });
        // A frame held meanwhile (the analysis paused while this one encoded) follows once this one is out.
        _encoding.ContinueWith(_ => EncodeHeld(), TaskScheduler.Default);
    }

    private byte[] Encode(Mat frame)
    {
        if (frame.Width <= _options.MaxWidth)
        {
            Cv2.ImEncode(".jpg", frame, out var bytes, _jpeg);
            return bytes;
        }
        using var scaled = new Mat();
        var height = Math.Max(1, (int)Math.Round(frame.Height * (double)_options.MaxWidth / frame.Width));
        Cv2.Resize(frame, scaled, new Size(_options.MaxWidth, height), interpolation: InterpolationFlags.Area);
        Cv2.ImEncode(".jpg", scaled, out var scaledBytes, _jpeg);
        return scaledBytes;
    }

    /// <summary>A frame copied out of the pipeline with what is needed to draw it; owns its copy.</summary>
    private sealed record Capture(Frame Frame, IReadOnlyList<ParkingSpot> Spots, OccupancySnapshot Snapshot, int Index, TimeSpan VideoTime, DateTimeOffset AnalysedAt)
        : IDisposable
    {
        public static Capture Of(FrameResult result, IReadOnlyList<ParkingSpot> spots, DateTimeOffset analysedAt) =>
            new(result.Frame.Copy(), spots, result.Snapshot, result.Frame.Index, result.Frame.Timestamp, analysedAt);

        public void Dispose() => Frame.Dispose();
    }
}
