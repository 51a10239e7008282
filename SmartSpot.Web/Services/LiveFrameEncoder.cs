using OpenCvSharp;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Vision.Rendering;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Web.Services;

/// <summary>Annotates, scales and JPEG-encodes frames for a session's viewers on the side; drops a frame while the last one is still encoding.</summary>
internal sealed class LiveFrameEncoder(AnalysisSession session, StreamOptions options, TimeProvider time, ILogger logger)
{
    private readonly FrameAnnotator _annotator = new();
    private readonly ImageEncodingParam[] _jpeg = [new(ImwriteFlags.JpegQuality, options.JpegQuality)];
    private Task _encoding = Task.CompletedTask;
    private long _sequence;

    /// <summary>Frames not encoded because the encoder was still busy.</summary>
    public long Dropped { get; private set; }

    /// <summary>Takes a copy of the frame to encode, if anyone watches and the encoder is free; never waits.</summary>
    public void Offer(FrameResult result, IReadOnlyList<ParkingSpot> spots)
    {
        if (!session.IsWatched) return;
        if (!_encoding.IsCompleted)
        {
            Dropped++;
            return;
        }
        var copy = result.Frame.Image.Clone();
        var (snapshot, index, videoTime) = (result.Snapshot, result.Frame.Index, result.Frame.Timestamp);
        var sequence = ++_sequence;
        var analysedAt = time.GetUtcNow();
        _encoding = Task.Run(() =>
        {
            using (copy)
            {
                try
                {
                    _annotator.Annotate(copy, spots, snapshot);
                    session.Publish(new LiveFrame(sequence, index, videoTime, analysedAt, Encode(copy)));
                }
                catch (Exception error)
                {
                    logger.LogWarning(error, "Could not encode frame {Frame} of session {SessionId}; viewers keep the previous one.", index, session.Id);
                }
            }
        });
    }

    /// <summary>Waits for the frame being encoded, so the last one is published before the session ends.</summary>
    public Task DrainAsync() => _encoding;

    private byte[] Encode(Mat frame)
    {
        if (frame.Width <= options.MaxWidth)
        {
            Cv2.ImEncode(".jpg", frame, out var bytes, _jpeg);
            return bytes;
        }
        using var scaled = new Mat();
        var height = Math.Max(1, (int)Math.Round(frame.Height * (double)options.MaxWidth / frame.Width));
        Cv2.Resize(frame, scaled, new Size(options.MaxWidth, height), interpolation: InterpolationFlags.Area);
        Cv2.ImEncode(".jpg", scaled, out var scaledBytes, _jpeg);
        return scaledBytes;
    }
}
