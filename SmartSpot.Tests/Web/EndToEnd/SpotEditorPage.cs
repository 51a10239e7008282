using System.Globalization;
using Microsoft.Playwright;

namespace SmartSpot.Tests.Web.EndToEnd;

/// <summary>
/// The spot editor in Chromium, driven with real mouse events aimed at frame pixels (the canvas publishes its view as
/// data-scale and data-offset-x/-y). Counts the mouse actions (a click or a drag is one) and the key presses it makes.
/// </summary>
public sealed class SpotEditorPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Canvas => Page.GetByTestId("editor-canvas");

    /// <summary>Clicks and drags made so far, each one action.</summary>
    public int MouseActions { get; private set; }

    public int KeyPresses { get; private set; }

    /// <summary>Opens the lot's editor and waits until its picture is shown and the editor is idle.</summary>
    public static async Task<SpotEditorPage> OpenAsync(IPage page, string baseAddress, Guid lotId)
    {
        await page.GotoAsync($"{baseAddress}/lots/{lotId}/edit");
        var editor = new SpotEditorPage(page);
        await Assertions.Expect(editor.Canvas).ToHaveAttributeAsync("data-scale", new System.Text.RegularExpressions.Regex("^[0-9.]+$"));
        await editor.IdleAsync();
        return editor;
    }

    /// <summary>Waits until no answer from the server is pending (each edit is checked by the server's rules).</summary>
    public async Task IdleAsync() =>
        await Page.WaitForFunctionAsync("() => { const c = document.querySelector('[data-testid=editor-canvas]'); return c && c.dataset.busy !== 'true'; }");

    public async Task<int> SpotCountAsync() => int.Parse(await Canvas.GetAttributeAsync("data-spots") ?? "0", CultureInfo.InvariantCulture);

    public async Task ExpectSpotsAsync(int count) => await Assertions.Expect(Canvas).ToHaveAttributeAsync("data-spots", count.ToString(CultureInfo.InvariantCulture));

    public async Task<double> ScaleAsync() => double.Parse(await Canvas.GetAttributeAsync("data-scale") ?? "1", CultureInfo.InvariantCulture);

    /// <summary>The page point (CSS pixels) over the frame pixel (x, y) at the editor's current zoom and pan.</summary>
    public async Task<(float X, float Y)> ToPageAsync(double x, double y)
    {
        var box = await Canvas.BoundingBoxAsync() ?? throw new InvalidOperationException("The editor's canvas is not shown.");
        var scale = await ScaleAsync();
        var offsetX = double.Parse(await Canvas.GetAttributeAsync("data-offset-x") ?? "0", CultureInfo.InvariantCulture);
        var offsetY = double.Parse(await Canvas.GetAttributeAsync("data-offset-y") ?? "0", CultureInfo.InvariantCulture);
        return ((float)(box.X + offsetX + x * scale), (float)(box.Y + offsetY + y * scale));
    }

    /// <summary>One click on the frame pixel (x, y).</summary>
    public async Task ClickAsync(double x, double y, KeyboardModifier[]? modifiers = null)
    {
        var (px, py) = await ToPageAsync(x, y);
        foreach (var modifier in modifiers ?? []) await Page.Keyboard.DownAsync(modifier.ToString());
        await Page.Mouse.ClickAsync(px, py);
        foreach (var modifier in modifiers ?? []) await Page.Keyboard.UpAsync(modifier.ToString());
        MouseActions++;
        await IdleAsync();
    }

    /// <summary>One drag (press, move in steps, release) from frame pixel <paramref name="from"/> to <paramref name="to"/>.</summary>
    public async Task DragAsync((double X, double Y) from, (double X, double Y) to)
    {
        var start = await ToPageAsync(from.X, from.Y);
        var end = await ToPageAsync(to.X, to.Y);
        await Page.Mouse.MoveAsync(start.X, start.Y);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(end.X, end.Y, new() { Steps = 8 });
        await Page.Mouse.UpAsync();
        MouseActions++;
        await IdleAsync();
    }

    /// <summary>One click on a button or link of the page.</summary>
    public async Task ClickElementAsync(ILocator element)
    {
        await element.ClickAsync();
        MouseActions++;
    }

    /// <summary>A key or chord ("r", "Control+z", "Delete") pressed on the editor.</summary>
    public async Task PressAsync(string key)
    {
        await Page.Keyboard.PressAsync(key);
        KeyPresses++;
        await IdleAsync();
    }

    /// <summary>
    /// A row from scratch: a rectangle dragged over the first bay (R), then the repeat tool (A) dragged from it to the
    /// last bay, <paramref name="count"/> typed when the editor guessed otherwise, and Fill clicked. Three mouse actions.
    /// </summary>
    public async Task DrawRowAsync((double X, double Y, double Width, double Height) first, (double X, double Y) lastTopLeft, int count)
    {
        var before = await SpotCountAsync();
        await PressAsync("r");
        await DragAsync((first.X, first.Y), (first.X + first.Width, first.Y + first.Height));
        await ExpectSpotsAsync(before + 1);
        await PressAsync("a");
        var centre = (first.X + first.Width / 2, first.Y + first.Height / 2);
        await DragAsync(centre, (lastTopLeft.X + first.Width / 2, lastTopLeft.Y + first.Height / 2));
        var input = Page.GetByTestId("repeat-count");
        await Assertions.Expect(input).ToBeVisibleAsync();
        if (await input.InputValueAsync() != count.ToString(CultureInfo.InvariantCulture))
        {
            await input.FillAsync(count.ToString(CultureInfo.InvariantCulture));
            KeyPresses++;
        }
        await ClickElementAsync(Page.GetByTestId("repeat-fill"));
        await ExpectSpotsAsync(before + count);
        await IdleAsync();
    }

    /// <summary>Saves with the toolbar button and waits until the editor says it is saved.</summary>
    public async Task SaveAsync()
    {
        await ClickElementAsync(Page.GetByTestId("editor-save"));
        await Assertions.Expect(Canvas).ToHaveAttributeAsync("data-dirty", "false");
        await Assertions.Expect(Page.GetByTestId("editor-save")).ToHaveTextAsync("Saved");
    }
}
