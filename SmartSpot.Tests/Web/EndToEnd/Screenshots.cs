using Microsoft.Playwright;

namespace SmartSpot.Tests.Web.EndToEnd;

/// <summary>Screenshots the browser tests take for the documentation: TestResults/screenshots/NAME.png in the repository (git-ignored; copied to docs/ by hand).</summary>
public static class Screenshots
{
    public static string Directory { get; } = Path.Combine(TestPaths.Repository, "TestResults", "screenshots");

    /// <param name="fullPage">The whole page, not only the part in the window.</param>
    public static async Task TakeAsync(IPage page, string name, bool fullPage = false)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Directory, name + ".png"), FullPage = fullPage });
    }
}
