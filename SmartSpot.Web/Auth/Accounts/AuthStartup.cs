using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartSpot.Vision;
using SmartSpot.Web.Auth.Audit;
using SmartSpot.Web.Auth.Storage;
using SmartSpot.Web.Storage;

namespace SmartSpot.Web.Auth.Accounts;

/// <summary>
/// Readies sign-in once per process, after the data directory: migrates the users, keys and audit tables, makes the
/// three roles, and on the first run (no user at all) creates the administrator <c>admin</c> with a random password that
/// is printed once in the log. As a hosted service it also refuses to serve without sign-in beyond loopback.
/// </summary>
public sealed class AuthStartup(
    StorageStartup storage,
    IDbContextFactory<AuthDbContext> dbFactory,
    IServiceScopeFactory scopes,
    UserAdministration administration,
    AuditLog audit,
    IOptions<AuthOptions> options,
    IOptions<StorageOptions> storageOptions,
    IConfiguration configuration,
    ILogger<AuthStartup> logger) : IHostedService
{
    /// <summary>The administrator a first run creates.</summary>
    public const string FirstAdmin = "admin";

    private readonly Lock _lock = new();
    private Task? _prepared;

    /// <summary>Runs the preparation on the first call and returns the same task afterwards; throws <see cref="StartupRefusedException"/>.</summary>
    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        lock (_lock) return _prepared ??= PrepareOnceAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        ListenAddressCheck.EnsureAllowed(configuration, options.Value);
        return PrepareAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PrepareOnceAsync(CancellationToken cancellationToken)
    {
        await storage.PrepareAsync(cancellationToken);
        try
        {
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            await CreateRolesAsync();
            if (!await administration.AnyAsync(cancellationToken)) await CreateFirstAdminAsync(cancellationToken);
            var pruned = await audit.PruneAsync(TimeSpan.FromDays(options.Value.AuditRetentionDays), cancellationToken);
            if (pruned > 0) logger.LogInformation("Deleted {Count} audit entries older than {Days} days.", pruned, options.Value.AuditRetentionDays);
        }
        catch (SqliteException error)
        {
            throw new StartupRefusedException(
                $"SmartSpot cannot prepare the sign-in tables in its database '{storageOptions.Value.DatabasePath}' ({error.Message.TrimEnd('.')}). Make the file writable, or move a damaged one aside and start again.", error);
        }
    }

    private async Task CreateRolesAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in UserRoles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }

    private async Task CreateFirstAdminAsync(CancellationToken cancellationToken)
    {
        string password;
        try
        {
            password = await administration.CreateAsync("first run", FirstAdmin, UserRoles.Admin, cancellationToken);
        }
        catch (InvalidInputException)
        {
            if (await administration.AnyAsync(cancellationToken)) return; // another SmartSpot on the same data directory was first
            throw;
        }
        logger.LogWarning(
            "No user existed, so SmartSpot created the administrator '{User}' with the password   {Password}   Sign in with it and change it (user menu, Change password). It is not shown again; to set a new one: ./run.sh {Command} {User}",
            FirstAdmin, password, PasswordResetCommand.Name, FirstAdmin);
    }
}
