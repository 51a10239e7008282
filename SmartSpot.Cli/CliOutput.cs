using System.Text.Json;
using Spectre.Console;

namespace SmartSpot.Cli;

/// <summary>How every command writes: progress on stderr (stdout stays clean for results), JSON in camelCase.</summary>
public static class CliOutput
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly IAnsiConsole ErrorConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <summary>A progress display on stderr.</summary>
    public static Progress Progress() => ErrorConsole.Progress();
}
