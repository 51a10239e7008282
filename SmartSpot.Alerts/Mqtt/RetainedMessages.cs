namespace SmartSpot.Alerts.Mqtt;

/// <summary>The latest payload of every retained topic and which of them the broker has not yet got; thread-safe.</summary>
/// <remarks>States never queue up: a topic changed ten times while the broker is away is sent once, with its latest payload.</remarks>
internal sealed class RetainedMessages
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _latest = [];
    private readonly HashSet<string> _unsent = [];

    /// <summary>Records a payload; true when it differs from the topic's last one (and so needs sending).</summary>
    public bool Set(string topic, string payload)
    {
        lock (_lock)
        {
            if (_latest.TryGetValue(topic, out var last) && last == payload) return false;
            _latest[topic] = payload;
            _unsent.Add(topic);
            return true;
        }
    }

    /// <summary>After a (re)connection: the broker may have lost everything, so all of it goes again.</summary>
    public void MarkAllUnsent()
    {
        lock (_lock) _unsent.UnionWith(_latest.Keys);
    }

    public bool TryTakeUnsent(out string topic, out string payload)
    {
        lock (_lock)
        {
            foreach (var unsent in _unsent)
            {
                _unsent.Remove(unsent);
                (topic, payload) = (unsent, _latest[unsent]);
                return true;
            }
        }
        (topic, payload) = ("", "");
        return false;
    }

    /// <summary>Puts back a topic whose publish failed.</summary>
    public void MarkUnsent(string topic)
    {
        lock (_lock) _unsent.Add(topic);
    }
}
