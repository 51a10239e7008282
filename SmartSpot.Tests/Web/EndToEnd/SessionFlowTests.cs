using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Auth.Audit;

namespace SmartSpot.Tests.Web.EndToEnd;

/// <summary>Drives the real app in Chromium as a signed-in operator: drop files, start, watch counts, frames and tiles update.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionFlowTests(SmartSpotAppFixture app)
{
    private async Task<IPage> OpenAsync(string path)
    {
        var page = await app.OpenAsync(UserRoles.Operator, path);
        if (path == "/")
        {
            await Assertions.Expect(page.Locator(".drop-zone[data-ready=true]")).ToHaveCountAsync(2);
        }
        return page;
    }

    /// <summary>Drops the drawn lot's video and mask on the start page and waits until both are taken.</summary>
    private async Task DropLotAsync(IPage page)
    {
        await page.SetInputFilesAsync("[data-testid=video-input]", app.Lot.VideoPath);
        await Assertions.Expect(page.GetByTestId("video-input-file")).ToContainTextAsync("lot.avi");
        await page.SetInputFilesAsync("[data-testid=mask-input]", app.Lot.MaskPath);
        await Assertions.Expect(page.GetByTestId("mask-input-file")).ToContainTextAsync("lot-mask.png");
    }

    [Fact]
    public async Task Upload_VideoAndMask_StreamsFramesAndUpdatesCountsAndGrid()
    {
        var page = await OpenAsync("/");

        await DropLotAsync(page);
        await page.GetByTestId("start-button").ClickAsync();

        await page.WaitForURLAsync(new Regex("/sessions/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByTestId("spot-tile")).ToHaveCountAsync(TestLot.SpotCount);
        await Assertions.Expect(page.GetByTestId("total-count")).ToHaveTextAsync(TestLot.SpotCount.ToString());
        await Assertions.Expect(page.Locator("[data-testid=live-frame].shown")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => window.smartspotStats && window.smartspotStats.frames >= 10");
        var framesBefore = await page.EvaluateAsync<int>("() => window.smartspotStats.frames");
        await page.WaitForFunctionAsync($"() => window.smartspotStats.frames > {framesBefore}");

        var free = int.Parse(await page.GetByTestId("free-count").InnerTextAsync());
        var occupied = int.Parse(await page.GetByTestId("occupied-count").InnerTextAsync());
        Assert.Equal(TestLot.SpotCount, free + occupied);
        Assert.Equal(free, await page.Locator("[data-testid=spot-tile][data-status=free]").CountAsync());
        await page.GetByTestId("grid-filter").GetByText("Occupied").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=spot-tile][data-status=free]")).ToHaveCountAsync(0);
        await page.GetByTestId("grid-filter").GetByText("All").ClickAsync();
        await Assertions.Expect(page.GetByTestId("spot-tile")).ToHaveCountAsync(TestLot.SpotCount);
        await Assertions.Expect(page.GetByTestId("session-status")).ToHaveTextAsync(new Regex("Running|Completed"));
        await Assertions.Expect(page.GetByTestId("frames-done")).Not.ToHaveTextAsync("0");

        await page.GetByTestId("pause-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("session-status")).ToHaveTextAsync("Paused");
        await page.GetByTestId("resume-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("session-status")).ToHaveTextAsync("Running");
        await page.GetByTestId("stop-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("session-status")).ToHaveTextAsync("Stopped");
        await Assertions.Expect(page.GetByTestId("restart-button")).ToBeVisibleAsync();
        await app.AssertNoCspViolationsAsync(page);
        var id = new Uri(page.Url).Segments[^1];
        var audited = (await app.Services.GetRequiredService<AuditLog>().ListAsync(200, TestContext.Current.CancellationToken))
            .Where(entry => entry.Target == id).Select(entry => (entry.Actor, entry.Action)).Reverse().ToList();
        var operatorName = app.User(UserRoles.Operator).UserName;
        Assert.Equal([(operatorName, AuditAction.Uploaded), (operatorName, AuditAction.Paused), (operatorName, AuditAction.Resumed), (operatorName, AuditAction.Stopped)], audited);
    }

    [Fact]
    public async Task Click_SpotTile_HighlightsItsBoxOnTheFrameAndShowsItsHistory()
    {
        var page = await OpenAsync("/");
        await DropLotAsync(page);
        await page.GetByTestId("start-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("spot-tile")).ToHaveCountAsync(TestLot.SpotCount);

        await page.Locator("[data-testid=spot-tile][data-spot-id='3']").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=spot-outline].selected")).ToHaveAttributeAsync("data-spot-id", "3");
        await Assertions.Expect(page.GetByTestId("spot-history")).ToHaveAttributeAsync("data-spot-id", "3");
        await Assertions.Expect(page.GetByTestId("spot-interval").First).ToBeVisibleAsync();
        await page.GetByTestId("stop-button").ClickAsync();
    }

    [Fact]
    public async Task Drop_MaskThatIsAVideo_SaysWhatIsWrongAndKeepsStartDisabled()
    {
        var page = await OpenAsync("/");

        await page.SetInputFilesAsync("[data-testid=mask-input]", app.Lot.VideoPath);

        await Assertions.Expect(page.GetByTestId("mask-input-error")).ToContainTextAsync("lot.avi");
        await Assertions.Expect(page.GetByTestId("start-button")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task History_AfterAnAnalysis_ListsItWithItsExports()
    {
        var page = await OpenAsync("/");
        await DropLotAsync(page);
        await page.GetByTestId("session-name").FillAsync("History check");
        await page.GetByTestId("start-button").ClickAsync();
        await page.WaitForURLAsync(new Regex("/sessions/"));
        var sessionPath = new Uri(page.Url).AbsolutePath;

        await page.GotoAsync(app.BaseAddress + "/history");

        var row = page.GetByTestId("history-table").Locator("tr", new() { HasText = "History check" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByTestId("history-open")).ToHaveAttributeAsync("href", sessionPath);
        await Assertions.Expect(row.Locator($"a[href='/api{sessionPath}/timeline.csv']")).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator($"a[href='/api{sessionPath}/intervals.json']")).ToBeVisibleAsync();
        await row.GetByTestId("history-open").ClickAsync();
        await page.GetByTestId("stop-button").ClickAsync();
    }

    [Fact]
    public async Task Demo_OnAFreshMachine_GeneratesTheLotAndStreamsIt()
    {
        var page = await OpenAsync("/");

        await page.GetByTestId("demo-button").ClickAsync();

        try
        {
            await page.WaitForURLAsync(new Regex("/sessions/[0-9a-f-]{36}$"));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The page stayed at {page.Url} after 'Try the demo lot'; it shows: {await page.InnerTextAsync("body")}");
        }
        // The first demo generates its video first: about a minute on a busy machine.
        var generation = new LocatorAssertionsToBeVisibleOptions { Timeout = 240_000 };
        await Assertions.Expect(page.Locator("[data-testid=live-frame].shown")).ToBeVisibleAsync(generation);
        await Assertions.Expect(page.GetByTestId("spot-tile").First).ToBeVisibleAsync();
        var total = int.Parse(await page.GetByTestId("total-count").InnerTextAsync());
        Assert.True(total > 0);
        Assert.Equal(total, await page.GetByTestId("spot-tile").CountAsync());
        await page.WaitForFunctionAsync("() => window.smartspotStats.frames >= 5");
    }
}
