namespace SmartSpot.Web.Services;

/// <summary>The analysis queue is full; the message tells the operator to wait.</summary>
public sealed class QueueFullException(int capacity)
    : Exception($"SmartSpot already has {capacity} analyses waiting (SmartSpot:Analysis:QueueCapacity). Wait for some to finish, or stop one, then try again.");
