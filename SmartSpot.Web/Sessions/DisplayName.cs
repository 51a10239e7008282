using System.Globalization;
using SmartSpot.Vision;

namespace SmartSpot.Web.Sessions;

/// <summary>Names an operator gave (file names, session names), made safe to show: no control or invisible formatting characters, bounded length.</summary>
public static class DisplayName
{
    /// <summary>Longest name kept, in characters. 200: a long camera file name fits; anything longer is not a name.</summary>
    public const int MaxLength = 200;

    /// <summary>
    /// The name without control characters and without format characters (bidirectional overrides such as U+202E,
    /// zero-width characters), trimmed; refuses a name longer than <see cref="MaxLength"/> with <see cref="InvalidInputException"/>.
    /// </summary>
    /// <param name="what">What the name is, for the message: "The video's file name".</param>
    public static string Clean(string name, string what)
    {
        var cleaned = new string(name.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format)).ToArray()).Trim();
        if (cleaned.Length > MaxLength)
        {
            throw new InvalidInputException(
                $"{what} is {cleaned.Length} characters long; SmartSpot keeps names of up to {MaxLength} characters. Shorten it and try again.");
        }
        return cleaned;
    }
}
