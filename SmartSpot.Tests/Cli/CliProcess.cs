using System.Diagnostics;

namespace SmartSpot.Tests.Cli;

/// <summary>Runs the built <c>smartspot</c> program as a real process and captures what it prints.</summary>
public static class CliProcess
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        /// <summary>The one error line on stderr (the progress bar may add lines of its own when the machine is slow).</summary>
        public string ErrorLine => Assert.Single(StderrLines, line => line.StartsWith("error:", StringComparison.Ordinal));
    }

    public static async Task<Outcome> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "smartspot.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Outcome(process.ExitCode, await stdout, await stderr);
    }
}
