namespace SmartSpot.Cli;

/// <summary>The process exit codes; 1 is System.CommandLine's for unusable arguments.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int InvalidInput = 2;
    public const int Failed = 3;
    public const int Cancelled = 130;
}
