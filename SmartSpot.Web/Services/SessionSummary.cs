namespace SmartSpot.Web.Services;

/// <summary>One line of the session list: live values for sessions running in this process, stored ones otherwise.</summary>
/// <param name="SpotCount">Spots found in the mask.</param>
/// <param name="Progress">0 to 1.</param>
public sealed record SessionSummary(
    Guid Id,
    string Name,
    DateTimeOffset CreatedAt,
    string VideoFileName,
    int SpotCount,
    SessionStatus Status,
    int Free,
    int Occupied,
    double Progress,
    string? Error);
