using System.Globalization;

namespace SmartSpot.Web.Components.Occupancy;

/// <summary>Short human text for video times ("1:02:03") and durations ("3m 05s").</summary>
public static class TimeText
{
    /// <summary>A position in the video: "m:ss", or "h:mm:ss" past the hour.</summary>
    public static string Clock(TimeSpan time) =>
        time.ToString(time.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);

    /// <summary>A duration in its two largest units: "45s", "3m 05s", "2h 10m".</summary>
    public static string Span(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }
        return span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes:00}m"
            : span.TotalMinutes >= 1 ? $"{span.Minutes}m {span.Seconds:00}s"
            : $"{span.Seconds}s";
    }
}
