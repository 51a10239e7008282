using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Alerts.Mqtt;

/// <summary>The MQTT broker SmartSpot publishes to and its topic layout; bound from <c>SmartSpot:Alerts:Mqtt</c>.</summary>
public sealed record MqttOptions
{
    private const string TopicPattern = @"^[^#+/\s]([^#+\s]*[^#+/\s])?$";
    private const string TopicMessage = "{0} must be a topic without wildcards (+, #), spaces or a leading or trailing '/', e.g. 'smartspot' or 'site/smartspot'.";

    /// <summary>Publish to MQTT at all. Default false: nothing is sent until a broker is configured.</summary>
    public bool Enabled { get; init; }

    /// <summary>The broker's host name or address. Default "localhost" (a Mosquitto beside SmartSpot, as Home Assistant setups often have).</summary>
    [Required]
    public string Host { get; init; } = "localhost";

    /// <summary>Default 1883, MQTT's port (8883 is usual with TLS).</summary>
    [Range(1, 65535)]
    public int Port { get; init; } = 1883;

    /// <summary>User name for the broker; null (the default) connects anonymously.</summary>
    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>Connect with TLS, checking the broker's certificate against the system's trusted roots. Default false.</summary>
    public bool UseTls { get; init; }

    /// <summary>The MQTT client id; null (the default) makes one per process ("smartspot-" and 8 random hex digits).</summary>
    public string? ClientId { get; init; }

    /// <summary>Every SmartSpot topic starts with it. Default "smartspot".</summary>
    [RegularExpression(TopicPattern, ErrorMessage = TopicMessage)]
    public string BaseTopic { get; init; } = "smartspot";

    /// <summary>Home Assistant's discovery prefix. Default "homeassistant", Home Assistant's own default.</summary>
    [RegularExpression(TopicPattern, ErrorMessage = TopicMessage)]
    public string DiscoveryPrefix { get; init; } = "homeassistant";

    /// <summary>Publish Home Assistant discovery configs, so counts appear there as sensors without configuration. Default true.</summary>
    public bool Discovery { get; init; } = true;

    /// <summary>Also announce every spot as an occupancy binary sensor (hundreds of entities on a large lot). Default true.</summary>
    public bool DiscoverSpots { get; init; } = true;

    /// <summary>First wait before reconnecting to a broker that went away, doubled each time with jitter. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between reconnection attempts. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Alert events waiting while the broker is away; more are dropped, counted and logged. Counts and spot states
    /// never queue up: only their latest value is kept and sent. Default 1000.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; init; } = 1000;
}
