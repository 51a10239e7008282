using Microsoft.AspNetCore.Components;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Web.Components.Occupancy;
using SmartSpot.Web.Services;

namespace SmartSpot.Web.Components.Pages;

/// <summary>One analysis: live while it runs (throttled renders, streamed frames), from the database once it is kept.</summary>
public sealed partial class Session
{
    /// <summary>Renders per second at most while the analysis runs; frames are streamed apart from these.</summary>
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(200);

    private RenderThrottle? _throttle;
    private IDisposable? _subscription;
    private AnalysisSession? _live;
    private StoredSession? _stored;
    private SessionView? _view;
    private bool _loading = true;
    private bool _restarting;
    private bool _disposed;
    private string? _actionError;
    private int? _highlightedSpotId;
    private int? _selectedSpotId;
    private string _show = "all";

    [Parameter] public Guid Id { get; set; }

    // A new LiveFrame per followed analysis object, so that one restarted from the database starts streaming.
    private object FrameKey => (object?)_live ?? Id;

    /// <summary>The grid's tiles: all spots, or only the free or the occupied ones.</summary>
    private IReadOnlyList<SpotState> ShownStates => _show switch
    {
        "free" => _view!.States.Where(state => state.Status == SpotStatus.Free).ToList(),
        "occupied" => _view!.States.Where(state => state.Status == SpotStatus.Occupied).ToList(),
        _ => _view!.States,
    };

    private IReadOnlyList<SpotInterval> Intervals => _live?.Intervals ?? _stored?.Intervals ?? [];

    private string Meta
    {
        get
        {
            var video = _view!.Video;
            var size = video is null ? "" : $" · {video.Width}×{video.Height} at {video.Fps:0.#} fps, {TimeText.Clock(video.Duration)}";
            return $"{_view.VideoFileName}{size} · {_view.Spots.Count} spots · {_view.CreatedAt.ToLocalTime():yyyy-MM-dd HH:mm}";
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_view?.Id == Id)
        {
            return;
        }
        Unsubscribe();
        _loading = true;
        _live = Registry.Find(Id);
        if (_live is not null)
        {
            Follow(_live);
        }
        else
        {
            _stored = await Store.GetAsync(Id);
            _view = _stored is null ? null : SessionView.FromStored(_stored);
        }
        _loading = false;
    }

    private void Follow(AnalysisSession live)
    {
        _live = live;
        _stored = null;
        _view = SessionView.FromLive(live);
        _throttle = new RenderThrottle(RenderInterval, () => InvokeAsync(() =>
        {
            _view = SessionView.FromLive(live);
            StateHasChanged();
        }));
        _subscription = live.Subscribe(_ => _throttle.Request());
    }

    private async Task RestartAsync()
    {
        _restarting = true;
        _actionError = null;
        try
        {
            if (await Registry.RestartAsync(Id) is { } restarted && !_disposed)
            {
                Unsubscribe();
                Follow(restarted);
            }
        }
        catch (Exception error) when (error is InvalidOperationException or SmartSpot.Vision.InvalidInputException or QueueFullException)
        {
            _actionError = error.Message;
        }
        finally
        {
            _restarting = false;
        }
    }

    private void Unsubscribe()
    {
        _subscription?.Dispose();
        _throttle?.Dispose();
        (_subscription, _throttle) = (null, null);
    }

    public void Dispose()
    {
        _disposed = true;
        Unsubscribe();
    }
}
