using Microsoft.Playwright;

namespace DashboardBench;

/// <summary>Signs in through the dashboard's sign-in page, as an operator does, once for the whole run.</summary>
public static class SignIn
{
    /// <summary>
    /// The signed-in browser state (for every viewer page) and the same session cookie as a <c>Cookie</c> header (for
    /// the API calls), so that the pages and the API go through sign-in exactly as they do for people.
    /// </summary>
    public static async Task<(string State, string CookieHeader)> AsAsync(IBrowser browser, string baseUrl, string user, string password)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/account/sign-in");
        await page.GetByTestId("user-name").FillAsync(user);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("sign-in-button").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal), new() { Timeout = 60_000 });
        var cookies = await context.CookiesAsync();
        return (await context.StorageStateAsync(), string.Join("; ", cookies.Select(cookie => $"{cookie.Name}={cookie.Value}")));
    }
}
