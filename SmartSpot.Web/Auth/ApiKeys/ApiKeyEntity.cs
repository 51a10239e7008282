namespace SmartSpot.Web.Auth.ApiKeys;

/// <summary>An API key as stored: its SHA-256 hash (never the key), the first characters to recognise it by, name, role and history.</summary>
public sealed class ApiKeyEntity
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>One of <see cref="UserRoles"/>.</summary>
    public required string Role { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string Hash { get; set; }

    /// <summary>The key's first characters, shown in the list so an operator can tell keys apart.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}
