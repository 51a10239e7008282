using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmartSpot.Demo;
using SmartSpot.Tests.Demo;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Auth;

namespace SmartSpot.Tests.Web.EndToEnd;

/// <summary>
/// The spot editor in Chromium with real mouse events, on lots of the (short) demo video: rows drawn with the repeat
/// tool and analysed, a mask imported and exported, the 56-bay demo lot drawn from scratch, and every edit by mouse and key.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SpotEditorTests(SmartSpotAppFixture app, DemoLotFixture demo)
{
    private const int BaysPerRow = 14;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private IReadOnlyList<DemoBay> Bays => new DemoLotGenerator(demo.Options).Bays;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RepeatTool_OneBayIntoARowOfTen_SavedAndAnalysed_ShowsTenTiles()
    {
        var lotId = await CreateLotAsync("Row of ten");
        var editor = await OpenEditorAsync(lotId);

        await editor.DrawRowAsync(Box(Bays[0]), (Bays[9].X, Bays[9].Y), 10);
        await editor.SaveAsync();

        var lot = await GetAsync($"/api/lots/{lotId}");
        var spots = lot.GetProperty("spots").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 10), spots.Select(spot => spot.GetProperty("id").GetInt32()));
        Assert.Equal(Enumerable.Range(1, 10).Select(id => id.ToString()), spots.Select(spot => spot.GetProperty("name").GetString()));
        Assert.All(spots.Zip(Bays.Take(10)), pair => AssertNear(pair.Second, pair.First.GetProperty("box")));

        await editor.ClickElementAsync(editor.Page.GetByTestId("editor-to-lot"));
        await editor.ClickElementAsync(editor.Page.GetByTestId("lot-start"));
        await editor.Page.WaitForURLAsync(new Regex("/sessions/[0-9a-f-]{36}$"));
        await Assertions.Expect(editor.Page.GetByTestId("spot-tile")).ToHaveCountAsync(10);
        await Assertions.Expect(editor.Page.GetByTestId("total-count")).ToHaveTextAsync("10");
    }

    [Fact]
    public async Task DemoLot_DrawnFromScratchWithTheRepeatTool_TakesUnder20MouseActionsAndAgreesWithTheMask()
    {
        var maskSession = await StartMaskAnalysisAsync();
        var lotId = await CreateLotAsync("Demo drawn");
        var editor = await OpenEditorAsync(lotId, width: 1800, height: 1100);

        for (var row = 0; row < Bays.Count / BaysPerRow; row++)
        {
            var first = Bays[row * BaysPerRow];
            var last = Bays[row * BaysPerRow + BaysPerRow - 1];
            await editor.DrawRowAsync(Box(first), (last.X, last.Y), BaysPerRow);
        }
        await editor.SaveAsync();
        await Screenshots.TakeAsync(editor.Page, "editor");
        await editor.ClickElementAsync(editor.Page.GetByTestId("editor-to-lot"));
        await editor.ClickElementAsync(editor.Page.GetByTestId("lot-start"));
        await editor.Page.WaitForURLAsync(new Regex("/sessions/[0-9a-f-]{36}$"));
        await Assertions.Expect(editor.Page.GetByTestId("spot-tile")).ToHaveCountAsync(Bays.Count);
        await Assertions.Expect(editor.Page.GetByTestId("session-status")).ToHaveTextAsync("Completed", new() { Timeout = 120_000 });

        TestContext.Current.TestOutputHelper?.WriteLine($"56-bay demo lot drawn with {editor.MouseActions} mouse actions and {editor.KeyPresses} key presses.");
        Assert.True(editor.MouseActions < 20, $"Drawing, saving and starting the 56-bay lot took {editor.MouseActions} mouse actions.");
        var drawnSession = Guid.Parse(new Uri(editor.Page.Url).Segments[^1]);
        var drawn = await GetAsync($"/api/sessions/{drawnSession}");
        var fromMask = await WaitCompletedAsync(maskSession);
        var agreement = await AgreementAsync(fromMask, drawn);
        TestContext.Current.TestOutputHelper?.WriteLine($"Drawn and mask-based analyses agree on {agreement:P2} of spot-frames.");
        Assert.True(agreement >= 0.99, $"The drawn lot's analysis agrees with the mask-based one on only {agreement:P2} of spot-frames.");

        await editor.Page.GotoAsync($"{app.BaseAddress}/lots/{lotId}");
        await Assertions.Expect(editor.Page.GetByTestId("lot-sessions").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(editor.Page.GetByTestId("lot-spot")).ToHaveCountAsync(Bays.Count);
        await Screenshots.TakeAsync(editor.Page, "lot");
    }

    [Fact]
    public async Task Mask_ImportedIntoTheEditorAndExported_GivesTheSameSpots()
    {
        var lotId = await CreateLotAsync("Mask round trip");
        var editor = await OpenEditorAsync(lotId);

        await editor.Page.SetInputFilesAsync("[data-testid=mask-import]", demo.Lot.MaskPath);
        await editor.ExpectSpotsAsync(Bays.Count);
        var png = await DownloadAsync(editor.Page, editor.Page.GetByTestId("mask-export"));
        var json = await DownloadAsync(editor.Page, editor.Page.GetByTestId("lot-file-export"));

        var options = new SpotMapOptions();
        var original = SpotMap.Decode(await File.ReadAllBytesAsync(demo.Lot.MaskPath, Cancel), "demo mask", options);
        var exported = SpotMap.Decode(png, "exported mask", options);
        Assert.Equal(original.Spots.Select(spot => (spot.Id, spot.Box)), exported.Spots.Select(spot => (spot.Id, spot.Box)));
        var file = JsonDocument.Parse(json).RootElement;
        Assert.Equal("smartspot-lot", file.GetProperty("format").GetString());
        Assert.Equal(original.Spots.Select(spot => spot.Id), file.GetProperty("spots").EnumerateArray().Select(spot => spot.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Editor_DrawMoveSelectDeleteUndoZoomAndZones_ByMouseAndKeys_ThenCountsTheZone()
    {
        var lotId = await CreateLotAsync("Edits");
        var editor = await OpenEditorAsync(lotId);
        var page = editor.Page;
        var (one, two, three) = (Bays[0], Bays[1], Bays[2]);

        // A four-cornered spot by four clicks, in any order; a rectangle by a drag.
        await editor.PressAsync("p");
        foreach (var (x, y) in new[] { (one.X, one.Y), (one.X + one.Width, one.Y + one.Height), (one.X + one.Width, one.Y), (one.X, one.Y + one.Height) })
        {
            await editor.ClickAsync(x, y);
        }
        await editor.ExpectSpotsAsync(1);
        await editor.PressAsync("r");
        await editor.DragAsync((two.X, two.Y), (two.X + two.Width, two.Y + two.Height));
        await editor.ExpectSpotsAsync(2);

        // Moving spot 2 onto spot 1 is refused, says why and highlights both; spot 2 stays.
        await editor.PressAsync("v");
        var inside = (one.X + 8.0, one.Y + 10.0); // off the name label at the centre
        var beforeRefusal = await PixelAsync(editor, inside);
        await editor.DragAsync(Centre(two), Centre(one));
        await Assertions.Expect(page.GetByTestId("editor-message")).ToContainTextAsync("Spots 1 and 2 overlap");
        var highlighted = await PixelAsync(editor, inside);
        Assert.True(highlighted.R > beforeRefusal.R && highlighted.B < beforeRefusal.B, $"Spot 1 is not shown in red after the refusal: {beforeRefusal} -> {highlighted}.");
        await editor.ClickAsync(Centre(two).X, Centre(two).Y);
        await Assertions.Expect(page.GetByTestId("spot-name")).ToHaveValueAsync("2");

        // Moving it down 20 px is kept: a click there selects it.
        await editor.DragAsync(Centre(two), (Centre(two).X, Centre(two).Y + 20));
        await Assertions.Expect(page.GetByTestId("editor-message")).ToHaveCountAsync(0);
        await editor.ClickAsync(Centre(one).X, Centre(one).Y);
        await editor.ClickAsync(Centre(two).X, two.Y + two.Height + 10);
        await Assertions.Expect(page.GetByTestId("spot-name")).ToHaveValueAsync("2");

        // Copy and paste at the pointer: a third spot over bay 3, with the next id.
        await editor.PressAsync("Control+c");
        var (px, py) = await editor.ToPageAsync(Centre(three).X, Centre(three).Y + 20);
        await page.Mouse.MoveAsync(px, py);
        await editor.PressAsync("Control+v");
        await editor.ExpectSpotsAsync(3);
        await Assertions.Expect(page.GetByTestId("spot-name")).ToHaveValueAsync("3");

        // Select several with a box, delete them, undo and redo.
        await editor.DragAsync((one.X - 20, one.Y - 20), (two.X + two.Width + 8, two.Y + two.Height + 40));
        await Assertions.Expect(editor.Canvas).ToHaveAttributeAsync("data-selected", "2");
        await editor.PressAsync("Delete");
        await editor.ExpectSpotsAsync(1);
        await editor.PressAsync("Control+z");
        await editor.ExpectSpotsAsync(3);
        await editor.PressAsync("Control+Shift+z");
        await editor.ExpectSpotsAsync(1);
        await editor.PressAsync("Control+z");
        await editor.ExpectSpotsAsync(3);

        // Zoom with + and fit with 0; the wheel pans.
        var fitted = await editor.ScaleAsync();
        await editor.PressAsync("+");
        Assert.Equal(fitted * 1.25, await editor.ScaleAsync(), 6);
        var offsetY = double.Parse((await editor.Canvas.GetAttributeAsync("data-offset-y"))!, System.Globalization.CultureInfo.InvariantCulture);
        await page.Mouse.WheelAsync(0, 100);
        await page.WaitForFunctionAsync(
            "expected => Math.abs(parseFloat(document.querySelector('[data-testid=editor-canvas]').dataset.offsetY) - expected) < 0.01", offsetY - 100);
        await editor.PressAsync("0");
        Assert.Equal(fitted, await editor.ScaleAsync(), 6);

        // Spots 1 and 2, selected again with a box, become the zone "Row A".
        await editor.DragAsync((one.X - 20, one.Y - 20), (two.X + two.Width + 8, two.Y + two.Height + 40));
        await Assertions.Expect(editor.Canvas).ToHaveAttributeAsync("data-selected", "2");
        await page.GetByTestId("zone-name").FillAsync("Row A");
        await page.GetByTestId("zone-create").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=zone][data-zone-name='Row A']")).ToBeVisibleAsync();
        await editor.SaveAsync();

        var lot = await GetAsync($"/api/lots/{lotId}");
        Assert.Equal([1, 2, 3], lot.GetProperty("spots").EnumerateArray().Select(spot => spot.GetProperty("id").GetInt32()));
        var zone = Assert.Single(lot.GetProperty("zones").EnumerateArray());
        Assert.Equal("Row A", zone.GetProperty("name").GetString());
        Assert.Equal([1, 2], zone.GetProperty("spots").EnumerateArray().Select(id => id.GetInt32()));

        // The analysis counts the zone beside the totals, and the grid shows the zone's spots only.
        await page.GetByTestId("editor-to-lot").ClickAsync();
        await page.GetByTestId("lot-start").ClickAsync();
        await page.WaitForURLAsync(new Regex("/sessions/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByTestId("spot-tile")).ToHaveCountAsync(3);
        var counts = page.Locator("[data-testid=zone-count][data-zone-name='Row A']");
        await Assertions.Expect(counts.GetByTestId("zone-total")).ToHaveTextAsync("2");
        await page.GetByTestId("grid-zone").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Row A" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("spot-tile")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=spot-tile][data-spot-id='3']")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(page, "session-zone");
    }

    /// <summary>The lot's editor in a page signed in as an operator, at a window size that shows the demo frame at about 100 %.</summary>
    private async Task<SpotEditorPage> OpenEditorAsync(Guid lotId, int width = 1600, int height = 1000)
    {
        var page = await app.OpenAsync(UserRoles.Operator, "/lots");
        await page.SetViewportSizeAsync(width, height);
        return await SpotEditorPage.OpenAsync(page, app.BaseAddress, lotId);
    }

    /// <summary>A lot of the demo video without spots, analysed as fast as possible (set up through the API: it is not what is tested).</summary>
    private async Task<Guid> CreateLotAsync(string name)
    {
        Assert.SkipWhen(app.Unavailable is not null, app.Unavailable ?? "");
        var client = app.Api;
        using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(demo.Lot.VideoPath, Cancel)), "video", Path.GetFileName(demo.Lot.VideoPath) }, { new StringContent(name), "name" } };
        using var created = await client.PostAsync("/api/lots", form, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        using var speed = await client.PutAsJsonAsync($"/api/lots/{id}", new { name, liveUrl = (string?)null, speed = 0 }, Cancel);
        Assert.Equal(HttpStatusCode.OK, speed.StatusCode);
        return id;
    }

    private async Task<Guid> StartMaskAnalysisAsync()
    {
        Assert.SkipWhen(app.Unavailable is not null, app.Unavailable ?? "");
        var client = app.Api;
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(demo.Lot.VideoPath, Cancel)), "video", Path.GetFileName(demo.Lot.VideoPath) },
            { new ByteArrayContent(await File.ReadAllBytesAsync(demo.Lot.MaskPath, Cancel)), "mask", Path.GetFileName(demo.Lot.MaskPath) },
        };
        using var started = await client.PostAsync("/api/sessions?speed=0", form, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return (await started.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> WaitCompletedAsync(Guid sessionId)
    {
        var deadline = DateTime.UtcNow + Patience * 2;
        while (true)
        {
            var session = await GetAsync($"/api/sessions/{sessionId}");
            if (session.GetProperty("status").GetString() == "Completed") return session;
            Assert.True(DateTime.UtcNow < deadline, $"The mask-based analysis is still {session.GetProperty("status")}.");
            await Task.Delay(200, Cancel);
        }
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        return await app.Api.GetFromJsonAsync<JsonElement>(path, Cancel);
    }

    /// <summary>Share of (spot, frame) verdicts the two analyses agree on, each drawn spot matched to the mask spot nearest its centre.</summary>
    private async Task<double> AgreementAsync(JsonElement fromMask, JsonElement drawn)
    {
        var maskSpots = fromMask.GetProperty("spots").EnumerateArray().Select(SpotCentre).ToList();
        var pairs = drawn.GetProperty("spots").EnumerateArray().Select(SpotCentre)
            .Select(spot => (Drawn: spot.Id, Mask: maskSpots.MinBy(mask => Math.Abs(mask.X - spot.X) + Math.Abs(mask.Y - spot.Y)).Id))
            .ToList();
        Assert.Equal(maskSpots.Count, pairs.Select(pair => pair.Mask).Distinct().Count());
        var maskStatus = await StatusByFrameAsync(fromMask.GetProperty("id").GetGuid());
        var drawnStatus = await StatusByFrameAsync(drawn.GetProperty("id").GetGuid());
        var frames = fromMask.GetProperty("framesDone").GetInt32();
        var agreed = pairs.Sum(pair => Enumerable.Range(0, frames).Count(frame => maskStatus[(pair.Mask, frame)] == drawnStatus.GetValueOrDefault((pair.Drawn, frame))));
        return (double)agreed / (pairs.Count * frames);
    }

    private async Task<Dictionary<(int Spot, int Frame), string>> StatusByFrameAsync(Guid sessionId)
    {
        var intervals = await GetAsync($"/api/sessions/{sessionId}/intervals.json");
        return intervals.EnumerateArray()
            .SelectMany(interval => Enumerable.Range(interval.GetProperty("startFrame").GetInt32(), interval.GetProperty("endFrame").GetInt32() - interval.GetProperty("startFrame").GetInt32() + 1)
                .Select(frame => (Key: (interval.GetProperty("spotId").GetInt32(), frame), Status: interval.GetProperty("status").GetString()!)))
            .ToDictionary(entry => entry.Key, entry => entry.Status);
    }

    private static (int Id, double X, double Y) SpotCentre(JsonElement spot) =>
        (spot.GetProperty("id").GetInt32(), spot.GetProperty("x").GetInt32() + spot.GetProperty("width").GetInt32() / 2.0, spot.GetProperty("y").GetInt32() + spot.GetProperty("height").GetInt32() / 2.0);

    private static async Task<byte[]> DownloadAsync(IPage page, ILocator button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        var path = Path.Combine(TestPaths.TempDirectory(), download.SuggestedFilename);
        await download.SaveAsAsync(path);
        return await File.ReadAllBytesAsync(path);
    }

    /// <summary>The canvas's colour at a frame pixel, as drawn (picture and overlays).</summary>
    private static async Task<(int R, int G, int B)> PixelAsync(SpotEditorPage editor, (double X, double Y) at)
    {
        await editor.Page.WaitForTimeoutAsync(100); // the canvas repaints on the next animation frame
        var (px, py) = await editor.ToPageAsync(at.X, at.Y);
        var rgb = await editor.Canvas.EvaluateAsync<int[]>(
            """
            (canvas, at) => {
                const box = canvas.getBoundingClientRect(), ratio = window.devicePixelRatio || 1;
                const x = Math.round((Number(at[0]) - box.left) * ratio), y = Math.round((Number(at[1]) - box.top) * ratio);
                return Array.from(canvas.getContext('2d').getImageData(x, y, 1, 1).data.slice(0, 3));
            }
            """,
            new[] { (double)px, (double)py });
        return (rgb[0], rgb[1], rgb[2]);
    }

    private static (double X, double Y, double Width, double Height) Box(DemoBay bay) => (bay.X, bay.Y, bay.Width, bay.Height);

    private static (double X, double Y) Centre(DemoBay bay) => (bay.X + bay.Width / 2.0, bay.Y + bay.Height / 2.0);

    private static void AssertNear(DemoBay bay, JsonElement box)
    {
        var (x, y, width, height) = (box.GetProperty("x").GetInt32(), box.GetProperty("y").GetInt32(), box.GetProperty("width").GetInt32(), box.GetProperty("height").GetInt32());
        Assert.True(Math.Abs(x - bay.X) <= 1 && Math.Abs(y - bay.Y) <= 1 && Math.Abs(width - bay.Width) <= 2 && Math.Abs(height - bay.Height) <= 2,
            $"Bay {bay.Id} is at {bay.X},{bay.Y} {bay.Width}x{bay.Height}; the drawn spot at {x},{y} {width}x{height}.");
    }
}
