using SmartSpot.Vision;

namespace SmartSpot.Web.Auth.Accounts;

/// <summary><c>reset-password [USER]</c> (<c>./run.sh reset-password admin</c>): gives the user (default <c>admin</c>) a new random password, printed once, and unlocks the account, without starting the server.</summary>
public sealed class PasswordResetCommand(UserAdministration administration)
{
    public const string Name = "reset-password";

    public static bool IsRequested(string[] args) => args is [Name, ..];

    /// <returns>0 done, 1 unusable arguments, 2 no such user.</returns>
    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length > 2)
        {
            await error.WriteLineAsync($"error: usage: {Name} [USER] (USER defaults to {AuthStartup.FirstAdmin})");
            return 1;
        }
        var userName = args.Length == 2 ? args[1] : AuthStartup.FirstAdmin;
        try
        {
            var password = await administration.ResetPasswordAsync("command line", userName);
            await output.WriteLineAsync($"The password of '{userName}' is now:   {password}");
            await output.WriteLineAsync("The account is unlocked. Sign in with this password and change it (user menu, Change password).");
            return 0;
        }
        catch (InvalidInputException unknown)
        {
            var users = await administration.ListAsync();
            await error.WriteLineAsync($"error: {unknown.Message} The users are: {string.Join(", ", users.Select(user => user.UserName))}.");
            return 2;
        }
    }
}
