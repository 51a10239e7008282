namespace SmartSpot.Vision.Pipeline;

/// <summary>Live controls of a running analysis: pause, resume and pace; safe to use from any thread.</summary>
public sealed class PlaybackControl
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _resumed;
    private double? _speed;

    /// <param name="speed">Video seconds per wall-clock second; null analyses as fast as possible.</param>
    public PlaybackControl(double? speed = 1.0) => Speed = speed;

    /// <summary>Video seconds per wall-clock second (1 = the video's own frame rate); null = as fast as possible.</summary>
    public double? Speed
    {
        get { lock (_lock) return _speed; }
        set
        {
            if (value is <= 0) throw new ArgumentOutOfRangeException(nameof(value), value, "Speed must be positive, or null for as fast as possible.");
            lock (_lock)
            {
                _speed = value;
                Changes++;
            }
        }
    }

    public bool IsPaused
    {
        get { lock (_lock) return _resumed is not null; }
    }

    /// <summary>Counts speed changes and resumes, so that a pacer knows to start its clock again.</summary>
    public long Changes { get; private set; }

    public void Pause()
    {
        lock (_lock) _resumed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Resume()
    {
        lock (_lock)
        {
            _resumed?.TrySetResult();
            _resumed = null;
            Changes++;
        }
    }

    /// <summary>Returns at once unless paused; then when resumed.</summary>
    public Task WaitWhilePausedAsync(CancellationToken cancellationToken)
    {
        lock (_lock) return _resumed?.Task.WaitAsync(cancellationToken) ?? Task.CompletedTask;
    }
}
