using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Vision.Rendering;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Streaming;

namespace SmartSpot.Web.Sessions;

/// <summary>
/// The one live model of an analysis: its status, progress and results, shared by the worker that runs it and every
/// page or request that shows it; thread-safe. Everything else (summaries, details, database rows) is a projection of it.
/// </summary>
public sealed class AnalysisSession
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly ChangeNotifier<AnalysisSession> _changes;
    private CancellationTokenSource _stop = new();
    private OccupancyHistory _history = new();
    private AnalysisInput? _input;
    private long _rateStart;
    private int _rateFrames;
    private LiveStreamFrameSource? _stream;
    private StreamHealth? _streamHealth;
    private long _streamRateStart;
    private long _streamRateReceived;
    private double _streamFps;

    public AnalysisSession(
        Guid id, string name, DateTimeOffset createdAt, SessionSource source, double? speed,
        LiveFrameRenderer renderer, TimeProvider time, ILogger logger)
    {
        (Id, Name, CreatedAt, Source, _time) = (id, name, createdAt, source, time);
        _changes = new ChangeNotifier<AnalysisSession>(logger);
        Playback = new PlaybackControl(speed);
        Feed = new FrameFeed(renderer, Playback, time, logger);
    }

    public Guid Id { get; }

    public string Name { get; }

    public DateTimeOffset CreatedAt { get; }

    public SessionSource Source { get; }

    public SessionStatus Status { get; private set; } = SessionStatus.Queued;

    /// <summary>What went wrong, for the operator: why it Failed or was Interrupted, or that a Completed video ended before its announced end; null otherwise.</summary>
    public string? Error { get; private set; }

    /// <summary>Known once the input is opened; Source is the client's file name.</summary>
    public VideoInfo? Video { get; private set; }

    /// <summary>The spots in video pixels, in id order; empty until the input is opened.</summary>
    public IReadOnlyList<ParkingSpot> Spots { get; private set; } = [];

    /// <summary>The lot after the last analysed frame; <c>Latest.Spots[i]</c> belongs to <c>Spots[i]</c>.</summary>
    public OccupancySnapshot? Latest { get; private set; }

    /// <summary>Frames of the video analysed (or skipped by AnalyzeEvery) so far.</summary>
    public int FramesDone { get; private set; }

    /// <summary>Analysis speed in frames per wall-clock second, over the last half second or more.</summary>
    public double FramesPerSecond { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Pace and pause; prefer <see cref="Pause"/>/<see cref="Resume"/>, which also update <see cref="Status"/>.</summary>
    public PlaybackControl Playback { get; }

    /// <summary>The annotated frames, for whoever subscribes (the page's live frame, the MJPEG endpoint).</summary>
    public FrameFeed Feed { get; }

    public bool IsActive => Status.IsActive();

    /// <summary>Stop was asked for; the analysis ends at the next frame.</summary>
    public bool StopRequested => _stop.IsCancellationRequested;

    internal CancellationToken StopToken => _stop.Token;

    /// <summary>The session as it is now.</summary>
    public SessionSummary Summary
    {
        get
        {
            lock (_lock)
            {
                return new SessionSummary(
                    Id, Name, CreatedAt, Source.Kind, Source.LotId, Source.VideoFileName, Source.MaskFileName, Status, Error, Video, Spots.Count,
                    FramesDone, Latest?.Free ?? 0, Latest?.Occupied ?? 0, Playback.Speed, StartedAt, FinishedAt);
            }
        }
    }

    /// <summary>The session with its spots, states, intervals and timeline as they are now.</summary>
    public SessionDetail Detail
    {
        get
        {
            lock (_lock)
            {
                return new SessionDetail(
                    Summary, Spots, Latest?.Spots ?? [], Latest is null ? [] : _history.Intervals, _history.Timeline,
                    Status == SessionStatus.Running ? FramesPerSecond : 0, StreamNow());
            }
        }
    }

    /// <summary>A live session's camera: connection, frames received and dropped, real fps; null for files.</summary>
    public StreamHealth? Stream
    {
        get { lock (_lock) return StreamNow(); }
    }

    /// <summary>Per-spot intervals so far, open ones ending at the last analysed frame; by spot, then time.</summary>
    public IReadOnlyList<SpotInterval> Intervals
    {
        get { lock (_lock) return Latest is null ? [] : _history.Intervals; }
    }

    /// <summary>Calls <paramref name="onChanged"/> after every analysed frame and status change, on the worker's thread: keep it quick.</summary>
    public IDisposable Subscribe(Action<AnalysisSession> onChanged) => _changes.Subscribe(onChanged);

    public void Pause()
    {
        lock (_lock)
        {
            if (Status != SessionStatus.Running) return;
            Playback.Pause();
            Status = SessionStatus.Paused;
        }
        Notify();
    }

    public void Resume()
    {
        lock (_lock)
        {
            if (Status != SessionStatus.Paused) return;
            Playback.Resume();
            Status = SessionStatus.Running;
        }
        Notify();
    }

    /// <summary>Ends the analysis (a queued one never starts); what was analysed is kept.</summary>
    public void Stop()
    {
        lock (_lock)
        {
            if (!IsActive) return;
            if (Status == SessionStatus.Queued)
            {
                Status = SessionStatus.Stopped;
                FinishedAt = _time.GetUtcNow();
                ReleaseInput();
            }
        }
        // Cancelled off this thread: the analysis must not resume on the caller's (a page's or a request's) thread.
        _ = _stop.CancelAsync();
        Notify();
    }

    /// <summary>Takes the opened input (video and spot map) for the next run and keeps it until the run takes it; a session stopped meanwhile disposes it.</summary>
    internal void Open(AnalysisInput input)
    {
        lock (_lock)
        {
            Video = input.Source.Info with { Source = Source.VideoFileName };
            Spots = input.Spots.Spots;
            ReleaseInput();
            if (IsActive) _input = input;
            else input.Dispose();
        }
        Notify();
    }

    /// <summary>Hands the opened input over to the run, which disposes it; null when there is none (stopped while queued).</summary>
    internal AnalysisInput? TakeInput()
    {
        lock (_lock)
        {
            var input = IsActive ? _input : null;
            _input = null;
            return input;
        }
    }

    /// <summary>Follows the run's camera stream: its connection changes notify subscribers as frames do.</summary>
    internal void Watch(LiveStreamFrameSource stream)
    {
        lock (_lock)
        {
            _stream = stream;
            (_streamRateStart, _streamRateReceived, _streamFps) = (_time.GetTimestamp(), stream.FramesReceived, 0);
        }
        stream.ConnectionChanged += OnConnectionChanged;
        Notify();
    }

    internal void MarkRunning()
    {
        lock (_lock)
        {
            if (_stop.IsCancellationRequested) return;
            Status = Playback.IsPaused ? SessionStatus.Paused : SessionStatus.Running;
            StartedAt = _time.GetUtcNow();
            _rateStart = _time.GetTimestamp();
        }
        Notify();
    }

    internal void Record(OccupancySnapshot snapshot)
    {
        lock (_lock)
        {
            _history.Add(snapshot);
            Latest = snapshot;
            FramesDone = Math.Max(FramesDone, snapshot.Frame + 1);
            _rateFrames++;
            var elapsed = _time.GetElapsedTime(_rateStart);
            if (elapsed >= TimeSpan.FromSeconds(0.5))
            {
                FramesPerSecond = _rateFrames / elapsed.TotalSeconds;
                _rateFrames = 0;
                _rateStart = _time.GetTimestamp();
            }
            MeasureStream();
        }
        Notify();
    }

    /// <summary>The session as it will be once it ends with <paramref name="status"/>: written to the database before <see cref="Finish"/> shows it.</summary>
    internal SessionSummary Ending(SessionStatus status, string? error = null)
    {
        var summary = Summary;
        // Every frame was read (the last ones may have been skipped by AnalyzeEvery), unless the video ended early (an error says so).
        var framesDone = status == SessionStatus.Completed && error is null && summary.FrameCount > 0 ? summary.FrameCount : summary.FramesDone;
        return summary with { Status = status, Error = error, FinishedAt = _time.GetUtcNow(), FramesDone = framesDone };
    }

    /// <summary>The run (or the preparation) is over with <paramref name="outcome"/> (from <see cref="Ending"/>).</summary>
    internal void Finish(SessionSummary outcome)
    {
        lock (_lock)
        {
            (Status, Error, FinishedAt, FramesDone, FramesPerSecond) = (outcome.Status, outcome.Error, outcome.FinishedAt, outcome.FramesDone, 0);
            ReleaseInput();
            StopWatching();
        }
        Notify();
    }

    /// <summary>Starts over from the opened input (a restart); false when the session is still active.</summary>
    internal bool Reset(double? speed, AnalysisInput input)
    {
        lock (_lock)
        {
            if (IsActive) return false;
            _history = new OccupancyHistory();
            _streamHealth = null;
            _stop.Dispose();
            _stop = new CancellationTokenSource();
            (Status, Error, Latest, FramesDone, FramesPerSecond, StartedAt, FinishedAt) = (SessionStatus.Queued, null, null, 0, 0, null, null);
            Playback.Speed = speed;
            if (Playback.IsPaused) Playback.Resume();
            Feed.Begin();
        }
        Open(input);
        return true;
    }

    /// <summary>The camera as it is now, or as it was when the run ended; under the lock.</summary>
    private StreamHealth? StreamNow()
    {
        if (_stream is not { } stream) return _streamHealth;
        var connection = stream.Connection;
        return new StreamHealth(
            connection.Status, connection.Since, connection.LastError, connection.Reconnects, stream.FramesReceived, stream.FramesDropped,
            connection.Status == StreamStatus.Live ? _streamFps : 0);
    }

    /// <summary>The camera's real frame rate from the frames it delivered over the last second or more; under the lock.</summary>
    private void MeasureStream()
    {
        if (_stream is null) return;
        var elapsed = _time.GetElapsedTime(_streamRateStart);
        if (elapsed < TimeSpan.FromSeconds(1)) return;
        var received = _stream.FramesReceived;
        _streamFps = (received - _streamRateReceived) / elapsed.TotalSeconds;
        (_streamRateStart, _streamRateReceived) = (_time.GetTimestamp(), received);
    }

    private void OnConnectionChanged(StreamConnection connection)
    {
        lock (_lock)
        {
            // Frames start anew after a gap: the rate counts from here, not across the gap.
            if (_stream is { } stream) (_streamRateStart, _streamRateReceived) = (_time.GetTimestamp(), stream.FramesReceived);
        }
        Notify();
    }

    /// <summary>Keeps the camera's last health and lets go of the source (the run disposes it); under the lock.</summary>
    private void StopWatching()
    {
        if (_stream is not { } stream) return;
        _streamHealth = StreamNow();
        stream.ConnectionChanged -= OnConnectionChanged;
        _stream = null;
    }

    private void ReleaseInput()
    {
        _input?.Dispose();
        _input = null;
    }

    private void Notify() => _changes.Notify(this);

    public override string ToString() => $"session {Id} ({Name})";
}
