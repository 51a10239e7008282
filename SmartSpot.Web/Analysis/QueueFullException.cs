namespace SmartSpot.Web.Analysis;

/// <summary>The analysis queue is full; the message tells the operator to wait. Nothing was stored for the refused analysis.</summary>
public sealed class QueueFullException(int capacity)
    : Exception($"SmartSpot already has {capacity} analyses waiting (SmartSpot:Analysis:QueueCapacity). Wait for some to finish, or stop one, then try again.")
{
    /// <summary>A fair wait before trying again, for the Retry-After header: about how long a short analysis takes.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);
}
