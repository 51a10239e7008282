namespace SmartSpot.Web.Api;

/// <summary>The file name a download is offered under: the thing's name in letters, digits, '-' and '_', else its id.</summary>
public static class DownloadName
{
    public static string Of(string name, Guid id)
    {
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        return safe.Length == 0 ? id.ToString("N") : safe;
    }
}
