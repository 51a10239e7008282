namespace SmartSpot.Web.Auth.Accounts;

/// <summary>A user as the users page lists it.</summary>
public sealed record UserRow(string UserName, string Role, DateTimeOffset? LockedUntil, int FailedSignIns)
{
    public bool IsLocked(DateTimeOffset now) => LockedUntil > now;
}
