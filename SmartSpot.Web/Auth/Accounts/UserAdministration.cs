using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartSpot.Vision;
using SmartSpot.Web.Auth.Audit;
using SmartSpot.Web.Auth.Storage;

namespace SmartSpot.Web.Auth.Accounts;

/// <summary>
/// What an administrator does to accounts (and the command line's password reset), each in a scope of its own and
/// audited. Refuses, with a message, what would lock everybody out: removing, demoting or locking the last administrator,
/// or one's own account. Changes that matter to open pages renew the user's security stamp, which signs them out.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roles = await (from link in db.UserRoles join role in db.Roles on link.RoleId equals role.Id select new { link.UserId, role.Name })
            .ToListAsync(cancellationToken);
        return users.Select(user => new UserRow(
            user.UserName!,
            UserRoles.All.LastOrDefault(role => roles.Any(r => r.UserId == user.Id && r.Name == role)) ?? "none",
            user.LockoutEnd,
            user.AccessFailedCount)).ToList();
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuthDbContext>().Users.AnyAsync(cancellationToken);
    }

    /// <summary>Creates the account with a random password, which is returned (to be shown once).</summary>
    public async Task<string> CreateAsync(string actor, string? userName, string role, CancellationToken cancellationToken = default)
    {
        userName = userName?.Trim() ?? "";
        if (userName.Length == 0) throw new InvalidInputException("Give the new user a name.");
        RequireRole(role);
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var password = PasswordGenerator.Create();
        var user = new IdentityUser(userName);
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        await audit.RecordAsync(actor, AuditAction.UserCreated, userName, $"role {role}", cancellationToken: cancellationToken);
        return password;
    }

    public async Task SetRoleAsync(string actor, string userName, string role, CancellationToken cancellationToken = default)
    {
        RequireRole(role);
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await FindAsync(users, userName);
        var current = await users.GetRolesAsync(user);
        if (current.SequenceEqual([role])) return;
        if (role != UserRoles.Admin) await RequireAnotherAdminAsync(users, user, "take the administrator role from");
        Check(await users.RemoveFromRolesAsync(user, current));
        Check(await users.AddToRoleAsync(user, role));
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.RecordAsync(actor, AuditAction.UserRoleChanged, userName, $"{string.Join(",", current)} → {role}", cancellationToken: cancellationToken);
    }

    /// <summary>Sets a new random password (returned, to be shown once) and unlocks the account.</summary>
    public async Task<string> ResetPasswordAsync(string actor, string userName, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await FindAsync(users, userName);
        var password = PasswordGenerator.Create();
        Check(await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password));
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        await audit.RecordAsync(actor, AuditAction.UserPasswordReset, userName, cancellationToken: cancellationToken);
        return password;
    }

    public async Task LockAsync(string actor, string userName, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await FindAsync(users, userName);
        RequireNotSelf(actor, userName, "lock");
        await RequireAnotherAdminAsync(users, user, "lock");
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.RecordAsync(actor, AuditAction.UserLocked, userName, cancellationToken: cancellationToken);
    }

    public async Task UnlockAsync(string actor, string userName, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await FindAsync(users, userName);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        await audit.RecordAsync(actor, AuditAction.UserUnlocked, userName, cancellationToken: cancellationToken);
    }

    public async Task DeleteAsync(string actor, string userName, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await FindAsync(users, userName);
        RequireNotSelf(actor, userName, "delete");
        await RequireAnotherAdminAsync(users, user, "delete");
        Check(await users.DeleteAsync(user));
        await audit.RecordAsync(actor, AuditAction.UserDeleted, userName, cancellationToken: cancellationToken);
    }

    private static UserManager<IdentityUser> Users(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();

    private static async Task<IdentityUser> FindAsync(UserManager<IdentityUser> users, string userName) =>
        await users.FindByNameAsync(userName) ?? throw new InvalidInputException($"There is no user '{userName}'.");

    private async Task RequireAnotherAdminAsync(UserManager<IdentityUser> users, IdentityUser user, string what)
    {
        if (!await users.IsInRoleAsync(user, UserRoles.Admin)) return;
        var now = time.GetUtcNow();
        var others = (await users.GetUsersInRoleAsync(UserRoles.Admin)).Where(admin => admin.Id != user.Id && !(admin.LockoutEnd > now));
        if (!others.Any())
        {
            throw new InvalidInputException($"'{user.UserName}' is the last administrator who can sign in; make another user an administrator before you {what} this one.");
        }
    }

    /// <summary>Whether <paramref name="userName"/> is <paramref name="actor"/>'s own account (user names compare without case).</summary>
    public static bool IsSelf(string actor, string userName) => string.Equals(actor, userName, StringComparison.OrdinalIgnoreCase);

    private static void RequireNotSelf(string actor, string userName, string what)
    {
        if (IsSelf(actor, userName))
        {
            throw new InvalidInputException($"You cannot {what} your own account; another administrator can.");
        }
    }

    private static void RequireRole(string role)
    {
        if (!UserRoles.IsRole(role)) throw new InvalidInputException($"'{role}' is not a role; choose {string.Join(", ", UserRoles.All)}.");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidInputException(string.Join(" ", result.Errors.Select(error => error.Description)));
    }
}
