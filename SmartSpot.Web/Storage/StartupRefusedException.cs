namespace SmartSpot.Web.Storage;

/// <summary>SmartSpot cannot start on this data directory; the message names the file or folder and what to do. The process exits with <see cref="ExitCode"/>.</summary>
public sealed class StartupRefusedException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The exit code of a refused start (as sysexits' EX_CANTCREAT: a needed file cannot be used).</summary>
    public const int ExitCode = 73;
}
