namespace SmartSpot.Web.Auth.Audit;

/// <summary>One audited action as stored: when, who (a user, an API key, the command line), what, on what, from where.</summary>
public sealed class AuditEntry
{
    public const int MaxActorLength = 128;
    public const int MaxTargetLength = 200;
    public const int MaxDetailLength = 500;

    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>A user name, <c>API key 'name'</c>, <c>command line</c>, or for a failed sign-in the name that was tried.</summary>
    public required string Actor { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>What was acted on: an analysis id, a user or key name; null for sign-ins.</summary>
    public string? Target { get; set; }

    public string? Detail { get; set; }

    /// <summary>The client's IP address, where the action came over HTTP.</summary>
    public string? Address { get; set; }
}
