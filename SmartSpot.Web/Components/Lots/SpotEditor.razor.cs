using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;
using SmartSpot.Vision;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Api;
using SmartSpot.Web.Lots;
using SmartSpot.Web.Uploads;

namespace SmartSpot.Web.Components.Lots;

/// <summary>
/// The spot editor of one lot. The canvas module keeps the spots while they are edited; this component answers its
/// questions with the server's rules (<see cref="Check"/>, <see cref="Row"/>), imports and exports, and saves.
/// </summary>
public sealed partial class SpotEditor : IAsyncDisposable
{
    private static readonly (string Tool, string Label, string Icon, string Key)[] Tools =
    [
        ("select", "Select", Icons.Material.Filled.NearMe, "V"),
        ("rect", "Rectangle", Icons.Material.Filled.CropSquare, "R"),
        ("polygon", "4 corners", Icons.Material.Filled.Pentagon, "P"),
        ("repeat", "Repeat row", Icons.Material.Filled.ViewWeek, "A"),
    ];

    private readonly string _maskInputId = $"mask-{Guid.NewGuid():N}";
    private readonly string _fileInputId = $"lot-file-{Guid.NewGuid():N}";
    private ElementReference _box;
    private IJSObjectReference? _module;
    private DotNetObjectReference<SpotEditor>? _self;
    private IDisposable? _leaving;
    private EditorState _state = EditorState.Initial;
    private string? _error;
    private string _zoneName = "";
    private bool _saving;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private LotCatalog Catalog { get; set; } = default!;

    [Inject] private LotLayoutValidator Validator { get; set; } = default!;

    [Inject] private LotOptions Options { get; set; } = default!;

    [Inject] private UploadStore Uploads { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Parameter, EditorRequired] public Lot Lot { get; set; } = default!;

    /// <summary>After a save, with the lot as saved.</summary>
    [Parameter] public EventCallback<Lot> Saved { get; set; }

    private string ZoomText => $"{_state.Zoom * 100:0}%";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _self = DotNetObjectReference.Create(this);
        var file = LotFile.From(Lot.Name, Lot.Layout);
        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Lots/SpotEditor.razor.js");
            await _module.InvokeVoidAsync("create", _box, _self, new
            {
                ImageUrl = $"/api/lots/{Lot.Id}/frame.jpg",
                FrameWidth = Lot.Layout.FrameSize.Width,
                FrameHeight = Lot.Layout.FrameSize.Height,
                file.Spots,
                file.Zones,
            });
        }
        catch (JSException error)
        {
            _error = $"The lot's picture could not be shown ({error.Message}). Reload the page; if it stays, check the lot's video.";
            StateHasChanged();
        }
        catch (JSDisconnectedException)
        {
            return;
        }
        _leaving = Navigation.RegisterLocationChangingHandler(ConfirmLeavingAsync);
    }

    /// <summary>The rules the editor's spots break as they are now (overlaps, shapes, names...); the editor takes back an edit that adds one.</summary>
    [JSInvokable]
    public IReadOnlyList<LayoutProblem> Check(LotFile document)
    {
        try
        {
            return Validator.Check(LayoutOf(document));
        }
        catch (InvalidInputException invalid)
        {
            return [new LayoutProblem("shape", invalid.Message, [])];
        }
    }

    /// <summary>The bays of a row from its first to its last bay, <paramref name="count"/> in all, following the end bays' perspective.</summary>
    [JSInvokable]
    public RowResult Row(double[][] first, double[][] last, int count)
    {
        try
        {
            var quads = RowRepeater.Repeat(Quad(first), Quad(last), count);
            return new RowResult([.. quads.Select(quad => quad.Corners.Select(corner => new[] { corner.X, corner.Y }).ToArray())], null);
        }
        catch (InvalidInputException invalid)
        {
            return new RowResult(null, invalid.Message);
        }
    }

    [JSInvokable]
    public Task OnChanged(EditorState state) => InvokeAsync(() =>
    {
        _state = state;
        StateHasChanged();
    });

    [JSInvokable]
    public Task Save() => InvokeAsync(SaveAsync);

    private async Task SaveAsync()
    {
        if (_module is null || _saving) return;
        _saving = true;
        try
        {
            var layout = LayoutOf(await _module.InvokeAsync<LotFile>("documentOf", _box));
            if (!await Catalog.SaveLayoutAsync(Lot.Id, layout, CancellationToken.None))
            {
                _error = "This lot no longer exists; nothing was saved.";
                return;
            }
            await _module.InvokeVoidAsync("command", _box, EditorCommand.Saved, null);
            _state = _state with { Dirty = false };
            Snackbar.Add($"Saved {layout.Spots.Count} spots and {layout.Zones.Count} zones.", Severity.Success);
            await Saved.InvokeAsync(Lot with { Layout = layout });
        }
        catch (LayoutRefusedException refused)
        {
            await _module.InvokeVoidAsync("command", _box, EditorCommand.Problems, refused.Problems);
        }
        catch (InvalidInputException invalid)
        {
            _error = invalid.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task CommandAsync(string command, object? argument = null)
    {
        if (_module is not null) await _module.InvokeVoidAsync("command", _box, command, argument);
    }

    private Task RenameSpotAsync(int id, string name) => CommandAsync(EditorCommand.RenameSpot, new { id, name = name.Trim() });

    private async Task CreateZoneAsync()
    {
        await CommandAsync(EditorCommand.CreateZone, new { name = _zoneName.Trim() });
        _zoneName = "";
    }

    /// <summary>The components of a mask image become the spots (as for a mask uploaded with a video); one undo step.</summary>
    private async Task ImportMaskAsync(InputFileChangeEventArgs upload)
    {
        _error = null;
        try
        {
            var bytes = await ReadAsync(upload.File, Uploads.Limits.MaxMaskBytes, "SmartSpot:Uploads:MaxMaskBytes");
            var spots = Catalog.SpotsOfMask(bytes, upload.File.Name, Lot.Layout.FrameSize);
            await CommandAsync(EditorCommand.ReplaceSpots, LotFile.From(Lot.Name, Lot.Layout with { Spots = spots }).Spots);
            Snackbar.Add($"{spots.Count} spots from '{upload.File.Name}'. Save to keep them.", Severity.Info);
        }
        catch (InvalidInputException invalid)
        {
            _error = invalid.Message;
        }
    }

    /// <summary>The spots and zones of a lot file (scaled to this lot's picture); one undo step.</summary>
    private async Task ImportFileAsync(InputFileChangeEventArgs upload)
    {
        _error = null;
        try
        {
            var bytes = await ReadAsync(upload.File, Options.MaxLotFileBytes, "SmartSpot:Lots:MaxLotFileBytes");
            var layout = LotFile.Read(bytes, upload.File.Name).ToLayout().FitTo(Lot.Layout.FrameSize, Options.AspectTolerance);
            var file = LotFile.From(Lot.Name, layout);
            await CommandAsync(EditorCommand.Load, new { file.Spots, file.Zones });
        }
        catch (InvalidInputException invalid)
        {
            _error = invalid.Message;
        }
    }

    private async Task ExportMaskAsync()
    {
        if (_module is null) return;
        var layout = LayoutOf(await _module.InvokeAsync<LotFile>("documentOf", _box));
        await _module.InvokeVoidAsync("download", $"{DownloadName.Of(Lot.Name, Lot.Id)}-mask.png", LotCatalog.MaskOf(layout), "image/png");
    }

    private async Task ExportFileAsync()
    {
        if (_module is null) return;
        var layout = LayoutOf(await _module.InvokeAsync<LotFile>("documentOf", _box));
        await _module.InvokeVoidAsync("download", $"{DownloadName.Of(Lot.Name, Lot.Id)}-lot.json", LotFile.From(Lot.Name, layout).ToJson(), "application/json");
    }

    private async ValueTask ConfirmLeavingAsync(LocationChangingContext context)
    {
        if (_state.Dirty && _module is not null && !await _module.InvokeAsync<bool>("confirmLeave", "The spots have unsaved changes. Leave without saving them?"))
        {
            context.PreventNavigation();
        }
    }

    /// <summary>The editor's spots and zones as the lot's layout (its frame and settings are the lot's).</summary>
    private LotLayout LayoutOf(LotFile document) =>
        (document with { Frame = new(Lot.Layout.FrameSize.Width, Lot.Layout.FrameSize.Height), Settings = new(Lot.Layout.Settings.Speed) }).ToLayout();

    private static SpotQuad Quad(double[][] corners)
    {
        if (corners is not { Length: 4 } || corners.Any(corner => corner is not { Length: 2 }))
        {
            throw new InvalidInputException("A bay has four corners.");
        }
        return new SpotQuad(new(corners[0][0], corners[0][1]), new(corners[1][0], corners[1][1]), new(corners[2][0], corners[2][1]), new(corners[3][0], corners[3][1]));
    }

    private static async Task<byte[]> ReadAsync(IBrowserFile file, long limit, string setting)
    {
        if (file.Size > limit)
        {
            throw new InvalidInputException($"'{file.Name}' is larger than the {UploadStore.FormatBytes(limit)} limit ({setting}).");
        }
        await using var stream = file.OpenReadStream(limit);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        _leaving?.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("dispose", _box);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the page with it.
            }
        }
        _self?.Dispose();
    }
}
