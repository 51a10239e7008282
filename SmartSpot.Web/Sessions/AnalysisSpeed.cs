using System.Globalization;
using SmartSpot.Vision;

namespace SmartSpot.Web.Sessions;

/// <summary>The one reading of a playback speed, on every endpoint and setting: "max" or 0 = as fast as possible, else 0.1 to 1000 video seconds per second.</summary>
public static class AnalysisSpeed
{
    /// <summary>Slowest speed: 10 s of wall clock per video second (a 30-minute video then takes 5 hours).</summary>
    public const double Min = 0.1;

    /// <summary>Fastest paced speed; anything faster is "as fast as possible".</summary>
    public const double Max = 1000;

    /// <summary>True for 0 (as fast as possible) and for 0.1 to 1000.</summary>
    public static bool IsValid(double speed) => speed == 0 || speed is >= Min and <= Max;

    /// <summary>A speed as sent by a client; null when absent; throws <see cref="InvalidInputException"/> when it is not a valid speed.</summary>
    public static double? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "max" => 0,
        var value when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && IsValid(speed) => speed,
        _ => throw new InvalidInputException(
            $"The speed '{Shorten(text)}' is not valid: give a number from {Min.ToString(CultureInfo.InvariantCulture)} to {Max.ToString(CultureInfo.InvariantCulture)} (1 = real time), or 'max' (or 0) for as fast as possible."),
    };

    /// <summary>The playback pace of a valid speed: null (as fast as possible) for 0.</summary>
    public static double? ToPace(double speed) => speed == 0 ? null : speed;

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
