using System.Diagnostics;

namespace SmartSpot.Tests.Web;

/// <summary>Starts the built dashboard as its own process (as ./run.sh does) to see how it starts or refuses to: exit code and output.</summary>
public static class WebProcess
{
    /// <summary>
    /// Runs the dashboard on <paramref name="dataDirectory"/> with <paramref name="arguments"/> (default: a free loopback port) and
    /// <paramref name="settings"/> as environment variables, until it exits; a dashboard still serving after <paramref name="patience"/> is stopped (exit code -1).
    /// </summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string dataDirectory, TimeSpan patience, IReadOnlyDictionary<string, string>? settings = null, params string[] arguments)
    {
        Assert.SkipUnless(File.Exists(Path.Combine(AppContext.BaseDirectory, "SmartSpot.Web.runtimeconfig.json")), "the dashboard's runtimeconfig is not beside the tests");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "SmartSpot.Web.dll"), .. arguments.Length > 0 ? arguments : ["--urls", "http://127.0.0.1:0"]])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
            Environment = { ["SmartSpot__DataDirectory"] = dataDirectory, ["ASPNETCORE_ENVIRONMENT"] = "Production" },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, await stdout, await stderr);
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
