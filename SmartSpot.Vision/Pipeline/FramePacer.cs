namespace SmartSpot.Vision.Pipeline;

/// <summary>Holds frames back so that video time advances at the playback speed; never waits to catch up.</summary>
public sealed class FramePacer(PlaybackControl playback, TimeProvider time)
{
    private long _anchorTimestamp;
    private TimeSpan _anchorVideoTime;
    private long _anchorChanges = -1;

    public async Task WaitForAsync(TimeSpan videoTime, CancellationToken cancellationToken)
    {
        await playback.WaitWhilePausedAsync(cancellationToken);
        var speed = playback.Speed;
        if (speed is null) return;
        if (_anchorChanges != playback.Changes)
        {
            _anchorChanges = playback.Changes;
            _anchorTimestamp = time.GetTimestamp();
            _anchorVideoTime = videoTime;
            return;
        }
        var due = (videoTime - _anchorVideoTime) / speed.Value;
        var early = due - time.GetElapsedTime(_anchorTimestamp);
        if (early > TimeSpan.Zero)
        {
            await Task.Delay(early, time, cancellationToken);
        }
    }
}
