using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Alerts.Webhooks;

/// <summary>Where alert events are POSTed and how hard SmartSpot tries; bound from <c>SmartSpot:Alerts:Webhook</c>.</summary>
/// <remarks>A URL that is set must be an absolute http(s) URL with a secret of 16 characters or more (checked with the ranges,
/// so the dashboard refuses to start with such settings rather than failing at the first event).</remarks>
public sealed record WebhookOptions : IValidatableObject
{
    /// <summary>The receiver's http(s) URL; null (the default) turns the webhook off.</summary>
    public Uri? Url { get; init; }

    /// <summary>The shared secret the body is signed with (see <see cref="WebhookSignature"/>); at least 16 characters when a URL is set.</summary>
    public string Secret { get; init; } = "";

    /// <summary>Retries after the first attempt. Default 5: with the delays below a receiver may be away for about a minute.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; init; } = 5;

    /// <summary>Delay before the first retry, doubled each time with jitter. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest delay between two attempts. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>One attempt is abandoned (and retried) after this long. Default 10 s: a receiver should answer at once and work later.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Events waiting while the receiver is slow or away; more are dropped, counted and logged. Default 100.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; init; } = 100;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Url is null) yield break;
        if (Url is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
        {
            yield return new ValidationResult(NotHttp(Url), [nameof(Url)]);
        }
        if (Secret.Length < 16)
        {
            yield return new ValidationResult(
                "The webhook secret is shorter than 16 characters; set SmartSpot:Alerts:Webhook:Secret to a long random string the receiver also knows.",
                [nameof(Secret)]);
        }
    }

    internal static string NotHttp(Uri? url) =>
        $"The webhook URL '{url}' is not an absolute http or https URL; set SmartSpot:Alerts:Webhook:Url to one, or leave it empty to turn the webhook off.";
}
