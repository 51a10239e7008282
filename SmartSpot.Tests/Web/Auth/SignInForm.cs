using System.Text.RegularExpressions;

namespace SmartSpot.Tests.Web.Auth;

/// <summary>Signs in through the sign-in page as a browser does: reads its form (with the antiforgery token), posts it back.</summary>
public static partial class SignInForm
{
    /// <summary>Posts the sign-in form; a client that keeps cookies is signed in afterwards when the answer is a redirect.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string userName, string password, string returnUrl = "")
    {
        var path = returnUrl.Length == 0 ? "/account/sign-in" : $"/account/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var page = await client.GetStringAsync(path, TestContext.Current.CancellationToken);
        var token = Token().Match(page);
        Assert.True(token.Success, "the sign-in page has no antiforgery token");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token.Groups[1].Value,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(path, form, TestContext.Current.CancellationToken);
    }

    /// <summary>Signs in and fails the test unless the page redirected (the sign-in succeeded).</summary>
    public static async Task SignInAsync(HttpClient client, string userName, string password)
    {
        using var response = await PostAsync(client, userName, password);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Found, $"sign-in as {userName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The error message the sign-in page shows after a refused sign-in.</summary>
    public static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        var error = Error().Match(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return error.Success ? System.Net.WebUtility.HtmlDecode(Regex.Replace(error.Groups[1].Value, "<[^>]+>", "")).Trim() : "";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("data-testid=\"sign-in-error\"[^>]*>(.*?)</div>\\s*</div>", RegexOptions.Singleline)]
    private static partial Regex Error();
}
