using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenCvSharp;
using SmartSpot.Web.Auth;

namespace SmartSpot.Tests.Web.EndToEnd;

/// <summary>Corrections in Chromium: an operator corrects a spot on a running analysis, checks the camera on the stopped one, calibrates and undoes; a viewer cannot correct.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CorrectionFlowTests(SmartSpotAppFixture app)
{
    private static readonly Rect[] Bays = [new(10, 30, 40, 60), new(70, 30, 40, 60), new(130, 30, 40, 60), new(190, 30, 40, 60)];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Ten seconds of the four drawn bays, cars coming and going: bay k (0-based) is taken while (frame / 100 + k) is even.</summary>
    private static TestLot ComingAndGoing()
    {
        var directory = TestPaths.TempDirectory();
        var video = SyntheticLot.WriteVideo(directory, TestLot.Fps,
            Enumerable.Range(0, 300).Select(frame => SyntheticLot.Frame(TestLot.FrameSize, [.. Bays.Where((_, k) => (frame / 100 + k) % 2 == 0)])), "lot.avi");
        return new TestLot(video, TestLot.WriteMask(directory, TestLot.FrameSize, "lot-mask.png"), 300);
    }

    [Fact]
    public async Task CorrectSpotOnRunningAnalysis_ThenCheckTheCameraAndCalibrate_StoresEveryLabelAndMeasuresAccuracy()
    {
        var session = await app.StartPausedSessionAsync("Corrections in the browser", ComingAndGoing());
        var lot = (await app.Api.GetFromJsonAsync<JsonElement>($"/api/sessions/{session}", Cancel)).GetProperty("lotId").GetGuid();

        // A viewer sees a spot's history but cannot correct it.
        var viewer = await app.OpenAsync(UserRoles.Viewer, $"/sessions/{session}");
        await viewer.Locator("[data-testid=spot-tile][data-spot-id='2']").ClickAsync();
        await Assertions.Expect(viewer.GetByTestId("spot-history")).ToBeVisibleAsync();
        await Assertions.Expect(viewer.GetByTestId("spot-correction")).ToHaveCountAsync(0);

        // The operator clicks spot 2 and says it is free on the frame the page shows (one of the first hundred).
        var page = await app.OpenAsync(UserRoles.Operator, $"/sessions/{session}");
        await page.Locator("[data-testid=spot-tile][data-spot-id='2']").ClickAsync();
        await page.GetByTestId("correct-free").ClickAsync();
        await Assertions.Expect(page.GetByTestId("correction-stored")).ToContainTextAsync("spot 2 is free");
        await Screenshots.TakeAsync(page, "correction", fullPage: true);
        var corrections = await CorrectionsAsync(lot);
        Assert.Equal([(2, "Free", session)], corrections.Select(c => (c.GetProperty("spotId").GetInt32(), c.GetProperty("label").GetString(), c.GetProperty("sessionId").GetGuid())));
        var disagreements = corrections.Count(c => !c.GetProperty("agreed").GetBoolean());

        // Check this camera on the stopped analysis: flip one spot, save every spot of every frame.
        using (var stopped = await app.Api.PostAsync($"/api/sessions/{session}/stop", null, Cancel)) Assert.True(stopped.IsSuccessStatusCode);
        await WaitForAsync(async () => await app.StatusAsync(session) == "Stopped");
        await page.GotoAsync($"{app.BaseAddress}/lots/{lot}");
        await Assertions.Expect(page.GetByTestId("measured-accuracy")).Not.ToHaveAttributeAsync("data-value", "unknown");
        await page.GetByTestId("check-camera").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/lots/{lot}/check$"));
        await Assertions.Expect(page.GetByTestId("check-frame").First).ToBeVisibleAsync();
        var frames = await page.GetByTestId("check-frame").CountAsync();
        await Assertions.Expect(page.GetByTestId("check-spot")).ToHaveCountAsync(frames * TestLot.SpotCount);
        var first = page.GetByTestId("check-spot").First;
        var said = await first.GetAttributeAsync("data-label");
        await first.ClickAsync();
        await Assertions.Expect(first).ToHaveAttributeAsync("data-label", said == "free" ? "occupied" : "free");
        await Screenshots.TakeAsync(page, "check-camera", fullPage: true);
        await page.GetByTestId("check-save").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/lots/{lot}$"));

        corrections = await CorrectionsAsync(lot);
        Assert.Equal(1 + frames * TestLot.SpotCount, corrections.Count);
        var accuracy = (await app.Api.GetFromJsonAsync<JsonElement>($"/api/lots/{lot}", Cancel)).GetProperty("camera").GetProperty("accuracy");
        Assert.Equal(corrections.Count, accuracy.GetProperty("checks").GetInt32());
        Assert.Equal((double)(corrections.Count - disagreements - 1) / corrections.Count, accuracy.GetProperty("measured").GetDouble(), 1e-9);

        // Labels of both classes on every bay (frames 100 to 199: bays 2 and 4 taken), then calibrate from the lot page, and undo.
        foreach (var frame in new[] { 110, 130, 150, 170, 190 })
        {
            await CorrectAsync(session, 1, "free", frame);
            await CorrectAsync(session, 2, "occupied", frame);
            await CorrectAsync(session, 3, "free", frame);
            await CorrectAsync(session, 4, "occupied", frame);
        }
        await page.ReloadAsync();
        await page.GetByTestId("calibrate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("calibration-result")).ToContainTextAsync("cross-validated by spot");
        await Assertions.Expect(page.GetByTestId("measured-accuracy")).ToHaveAttributeAsync("data-value", "unknown");
        await Assertions.Expect(page.GetByTestId("calibrate")).ToBeEnabledAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Screenshots.TakeAsync(page, "calibration", fullPage: true);
        await page.GetByTestId("calibration-undo").ClickAsync();
        await Assertions.Expect(page.GetByTestId("calibration-result")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("measured-accuracy")).Not.ToHaveAttributeAsync("data-value", "unknown");
        await app.AssertNoCspViolationsAsync(page);
    }

    private async Task<List<JsonElement>> CorrectionsAsync(Guid lot) =>
        (await app.Api.GetFromJsonAsync<JsonElement>($"/api/lots/{lot}/corrections", Cancel)).EnumerateArray().ToList();

    private async Task CorrectAsync(Guid session, int spotId, string label, int frame)
    {
        using var response = await app.Api.PostAsJsonAsync($"/api/sessions/{session}/corrections", new { spotId, label, frame }, Cancel);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + SmartSpotAppFixture.Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true in time");
            await Task.Delay(100, Cancel);
        }
    }
}
