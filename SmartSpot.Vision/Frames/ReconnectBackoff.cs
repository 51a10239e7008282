namespace SmartSpot.Vision.Frames;

/// <summary>The pauses between reconnection attempts: 1, 2, 5, 10, then 30 s for as long as it takes; back to 1 s once frames flow.</summary>
internal sealed class ReconnectBackoff
{
    private static readonly TimeSpan[] Delays = [.. new[] { 1, 2, 5, 10, 30 }.Select(seconds => TimeSpan.FromSeconds(seconds))];
    private int _attempt;

    public TimeSpan Next() => Delays[Math.Min(_attempt++, Delays.Length - 1)];

    public void Reset() => _attempt = 0;
}
