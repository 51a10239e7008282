namespace SmartSpot.Web.Auth.Audit;

/// <summary>What an audit entry records.</summary>
public enum AuditAction
{
    SignedIn,
    SignInFailed,
    SignInLockedOut,
    SignedOut,
    PasswordChanged,
    Uploaded,
    DemoStarted,
    Paused,
    Resumed,
    Stopped,
    Restarted,
    UserCreated,
    UserRoleChanged,
    UserPasswordReset,
    UserLocked,
    UserUnlocked,
    UserDeleted,
    ApiKeyCreated,
    ApiKeyRevoked,
    LotCreated,
    LotChanged,
}
