using System.Text.RegularExpressions;

namespace ViewerBench;

/// <summary>Signs in through the dashboard's sign-in page as a browser does: reads its form (with the antiforgery token) and posts it back.</summary>
public static partial class SignInForm
{
    /// <summary>Signs <paramref name="client"/> (which must keep cookies and not follow redirects) in; throws when the page refuses.</summary>
    public static async Task SignInAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/account/sign-in");
        var token = Token().Match(page);
        if (!token.Success) throw new InvalidOperationException("the sign-in page has no antiforgery token");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token.Groups[1].Value,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        using var answer = await client.PostAsync("/account/sign-in", form);
        if (answer.StatusCode != System.Net.HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"signing in as '{userName}' was refused ({(int)answer.StatusCode})");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
