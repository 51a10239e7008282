namespace SmartSpot.Alerts.Delivery;

/// <summary>The latest delivery attempts, drops and connection changes of all deliveries, oldest first, for a page to show.</summary>
public sealed class DeliveryLog(int capacity = DeliveryLog.DefaultCapacity)
{
    /// <summary>Default 500 entries: a day of a busy lot's alerts with their retries, a few hundred KB.</summary>
    public const int DefaultCapacity = 500;

    private readonly Queue<DeliveryLogEntry> _entries = new();
    private readonly Lock _lock = new();
    private readonly int _capacity = capacity is >= 1 and <= 1_000_000
        ? capacity
        : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The delivery log holds between 1 and 1000000 entries.");

    /// <summary>Raised after an entry is added, on the thread that added it.</summary>
    public event Action<DeliveryLogEntry>? Added;

    public IReadOnlyList<DeliveryLogEntry> Entries
    {
        get
        {
            lock (_lock) return [.. _entries];
        }
    }

    public void Add(DeliveryLogEntry entry)
    {
        lock (_lock)
        {
            if (_entries.Count == _capacity) _entries.Dequeue();
            _entries.Enqueue(entry);
        }
        Added?.Invoke(entry);
    }
}
