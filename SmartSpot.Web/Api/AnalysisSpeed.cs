using System.Globalization;
using SmartSpot.Vision;

namespace SmartSpot.Web.Api;

/// <summary>The <c>speed</c> an API client may give: "max" or 0 = as fast as possible, a number = video seconds per second, absent = the default.</summary>
public static class AnalysisSpeed
{
    public static double? Parse(string? speed) => speed?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "max" => 0,
        var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1000 => value,
        _ => throw new InvalidInputException($"The speed '{speed}' is not valid: give a number from 0.1 to 1000 (1 = real time), or 'max' for as fast as possible."),
    };
}
