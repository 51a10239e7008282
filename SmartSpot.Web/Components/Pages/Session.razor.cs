using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using SmartSpot.Vision;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Web.Analysis;
using SmartSpot.Web.Auth.Audit;
using SmartSpot.Web.Components.Occupancy;
using SmartSpot.Web.Lots;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Web.Components.Pages;

/// <summary>One analysis: live while it runs (throttled renders, streamed frames), from the database once it is kept.</summary>
public sealed partial class Session : IDisposable
{
    /// <summary>Renders per second at most while the analysis runs; frames are streamed apart from these.</summary>
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(200);

    private RenderThrottle? _throttle;
    private IDisposable? _subscription;
    private AnalysisSession? _live;
    private SessionDetail? _view;
    private bool _loading = true;
    private bool _restarting;
    private bool _disposed;
    private string? _actionError;
    private int? _highlightedSpotId;
    private int? _selectedSpotId;
    private string _show = "all";
    private IReadOnlyList<LotZone> _zones = [];
    private string? _lotName;
    private int _chartZone;
    private int _gridZone;

    [Parameter] public Guid Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    // A new LiveFrame per run of the followed analysis: a run's frame feed ends with the run.
    private object FrameKey => (object?)_live is null ? Id : (_live, _view?.Summary.StartedAt);

    /// <summary>The grid's tiles: all spots, or only the free or the occupied ones, of the whole lot or of one zone.</summary>
    private IReadOnlyList<SpotState> ShownStates
    {
        get
        {
            var zone = _zones.FirstOrDefault(zone => zone.Id == _gridZone);
            return _view!.States
                .Where(state => zone is null || zone.SpotIds.Contains(state.SpotId))
                .Where(state => _show switch
                {
                    "free" => state.Status == SpotStatus.Free,
                    "occupied" => state.Status == SpotStatus.Occupied,
                    _ => true,
                })
                .ToList();
        }
    }

    /// <summary>The chart's counts: the whole lot's, or the chosen zone's.</summary>
    private IReadOnlyList<TimelinePoint> ChartTimeline => _zones.FirstOrDefault(zone => zone.Id == _chartZone) is { } zone
        ? ZoneCounter.Timeline(zone, _view!.Timeline, _view.Intervals)
        : _view!.Timeline;

    private IReadOnlyList<SpotInterval> Intervals => _view?.Intervals ?? [];

    private string Meta
    {
        get
        {
            var summary = _view!.Summary;
            var video = summary.Video;
            var size = video is null ? ""
                : summary.Kind == SessionKind.Stream ? $" · live camera, {video.Width}×{video.Height} at {video.Fps:0.#} fps"
                : $" · {video.Width}×{video.Height} at {video.Fps:0.#} fps, {TimeText.Clock(video.Duration)}";
            return $"{summary.VideoFileName}{size} · {_view.Spots.Count} spots · {summary.CreatedAt.ToLocalTime():yyyy-MM-dd HH:mm}";
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_view?.Summary.Id == Id)
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
            _view = await Reader.GetAsync(Id);
        }
        var lot = _view is null ? null : await Lots.GetAsync(_view.Summary.LotId, CancellationToken.None);
        (_zones, _lotName, _chartZone, _gridZone) = (lot?.Layout.Zones ?? [], lot?.Name, 0, 0);
        _loading = false;
    }

    private void Follow(AnalysisSession live)
    {
        _live = live;
        _view = live.Detail;
        _throttle = new RenderThrottle(RenderInterval, () => InvokeAsync(() =>
        {
            _view = live.Detail;
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
                await Audit.RecordAsync((await AuthenticationState).User, AuditAction.Restarted, Id.ToString());
                Unsubscribe();
                Follow(restarted);
            }
        }
        catch (Exception error) when (error is InvalidOperationException or InvalidInputException or QueueFullException)
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
