using System.Text.Json;
using System.Text.Json.Serialization;
using SmartSpot.Vision.Classification;
using Spectre.Console;

namespace SmartSpot.Cli;

/// <summary>How every command writes: progress on stderr (stdout stays clean for results), JSON in camelCase.</summary>
public static class CliOutput
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static readonly IAnsiConsole ErrorConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <summary>How a status is written in every output: "free" or "occupied".</summary>
    public static string Name(SpotStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A progress display on stderr.</summary>
    public static Progress Progress() => ErrorConsole.Progress();
}
