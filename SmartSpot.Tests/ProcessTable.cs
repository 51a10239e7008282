namespace SmartSpot.Tests;

/// <summary>What the operating system's process table says about a child process.</summary>
public static class ProcessTable
{
    /// <summary>True when the process has exited and been reaped: no entry at all, not even a zombie.</summary>
    public static bool IsGone(int processId) => !Directory.Exists($"/proc/{processId}");
}
