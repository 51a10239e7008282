using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Web.Services;

/// <summary>The live state of one analysis, shared by the worker that runs it and every page that shows it; thread-safe.</summary>
public sealed class AnalysisSession(
    Guid id,
    string name,
    DateTimeOffset createdAt,
    SessionFiles files,
    double? speed = 1.0,
    TimeProvider? time = null,
    ILogger? logger = null)
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private Action<AnalysisSession>[] _subscribers = [];
    private CancellationTokenSource _stop = new();
    private OccupancyHistory _history = new();
    private int _watchers;
    private long _rateStart;
    private int _rateFrames;

    public Guid Id { get; } = id;

    public string Name { get; } = name;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>The client's video file name, for display only.</summary>
    public string VideoFileName => Files.Video.FileName;

    public SessionFiles Files { get; } = files;

    public SessionStatus Status { get; private set; } = SessionStatus.Queued;

    /// <summary>What went wrong, for the operator; null unless Failed or Interrupted.</summary>
    public string? Error { get; private set; }

    /// <summary>Known once the video is opened (at upload for new sessions).</summary>
    public VideoInfo? Video { get; private set; }

    /// <summary>The spots in video pixels, in id order; empty until the mask is read.</summary>
    public IReadOnlyList<ParkingSpot> Spots { get; private set; } = [];

    /// <summary>The lot after the last analysed frame; <c>Latest.Spots[i]</c> belongs to <c>Spots[i]</c>.</summary>
    public OccupancySnapshot? Latest { get; private set; }

    /// <summary>The counts after every analysed frame so far; an immutable view, cheap to take.</summary>
    public IReadOnlyList<TimelinePoint> Timeline => _history.Timeline;

    /// <summary>Per-spot intervals so far, open ones ending at the last analysed frame; by spot, then time.</summary>
    public IReadOnlyList<SpotInterval> Intervals
    {
        get { lock (_lock) return Latest is null ? [] : _history.Intervals; }
    }

    /// <summary>Frames of the video analysed (or skipped by AnalyzeEvery) so far.</summary>
    public int FramesDone { get; private set; }

    /// <summary>Frames the video announces; 0 when unknown.</summary>
    public int FrameCount => Video?.FrameCount ?? 0;

    /// <summary>0 to 1; 0 while the frame count is unknown.</summary>
    public double Progress => FrameCount > 0 ? Math.Min(1.0, (double)FramesDone / FrameCount) : Status == SessionStatus.Completed ? 1 : 0;

    /// <summary>Analysis speed in frames per wall-clock second, over the last half second or more.</summary>
    public double FramesPerSecond { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Pace and pause; prefer <see cref="Pause"/>/<see cref="Resume"/>, which also update <see cref="Status"/>.</summary>
    public PlaybackControl Playback { get; private set; } = new(speed);

    /// <summary>Queued, Running or Paused: the worker still owns it.</summary>
    public bool IsActive => Status is SessionStatus.Queued or SessionStatus.Running or SessionStatus.Paused;

    /// <summary>The latest annotated frame; produced only while someone <see cref="Watch">watches</see>.</summary>
    public LiveFrame? LatestFrame { get; private set; }

    /// <summary>Someone holds a <see cref="Watch"/> handle, so frames are encoded.</summary>
    public bool IsWatched => Volatile.Read(ref _watchers) > 0;

    /// <summary>Stop was asked for; the analysis ends at the next frame.</summary>
    public bool StopRequested => _stop.IsCancellationRequested;

    internal CancellationToken StopToken => _stop.Token;

    /// <summary>Calls <paramref name="onChanged"/> after every analysed frame, new live frame and status change, on the worker's thread: keep it quick.</summary>
    public IDisposable Subscribe(Action<AnalysisSession> onChanged)
    {
        lock (_lock) _subscribers = [.. _subscribers, onChanged];
        return new Subscription(() =>
        {
            lock (_lock) _subscribers = _subscribers.Where(subscriber => subscriber != onChanged).ToArray();
        });
    }

    /// <summary>Asks for annotated frames in <see cref="LatestFrame"/> until the handle is disposed.</summary>
    public IDisposable Watch()
    {
        if (Interlocked.Increment(ref _watchers) == 1) WatchStarted?.Invoke();
        return new Subscription(() => Interlocked.Decrement(ref _watchers));
    }

    /// <summary>The first viewer arrived (the worker then publishes the frame a paused analysis stopped on).</summary>
    internal event Action? WatchStarted;

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
            }
        }
        // Cancelled off this thread: the analysis must not resume on the caller's (a page's or a request's) thread.
        _ = _stop.CancelAsync();
        Notify();
    }

    internal void Describe(VideoInfo video, IReadOnlyList<ParkingSpot> spots)
    {
        lock (_lock)
        {
            Video = video;
            Spots = spots;
        }
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
        }
        Notify();
    }

    internal void Publish(LiveFrame frame)
    {
        LatestFrame = frame;
        Notify();
    }

    internal void Finish(SessionStatus status, string? error = null)
    {
        lock (_lock)
        {
            Status = status;
            Error = error;
            FinishedAt = _time.GetUtcNow();
            FramesPerSecond = 0;
            if (status == SessionStatus.Completed && FrameCount > 0) FramesDone = FrameCount;
        }
        Notify();
    }

    /// <summary>Back to Queued with nothing analysed, for a restart; false when it is still active.</summary>
    internal bool Reset(double? speed)
    {
        lock (_lock)
        {
            if (IsActive) return false;
            _stop = new CancellationTokenSource();
            _history = new OccupancyHistory();
            Playback = new PlaybackControl(speed);
            Status = SessionStatus.Queued;
            (Error, Latest, LatestFrame, FramesDone, FramesPerSecond, StartedAt, FinishedAt) = (null, null, null, 0, 0, null, null);
        }
        Notify();
        return true;
    }

    private void Notify()
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber(this);
            }
            catch (Exception error)
            {
                logger?.LogWarning(error, "A subscriber of session {SessionId} failed; the analysis goes on.", Id);
            }
        }
    }
}
