using SmartSpot.Alerts;
using SmartSpot.Alerts.Observations;
using SmartSpot.Alerts.Rules;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Occupancy;

namespace SmartSpot.Web.Alerts;

/// <summary>
/// One analysis run's way into the alerts: its snapshots become observations of the lot and of each zone, its start and
/// failure (and a live stream going offline and coming back) the camera's online and offline. Forward only: nothing comes back into the run, and <see cref="AlertService"/>
/// never waits for a receiver. <see cref="Observe"/> is for the run's loop only; the camera methods may come from any thread.
/// </summary>
public sealed class AlertFeed
{
    private readonly AlertService? _alerts;
    private readonly AlertScope? _lot;
    private readonly IReadOnlyList<(AlertScope Scope, HashSet<int> SpotIds)> _zones;
    private readonly TimeProvider _time;
    private readonly Dictionary<int, (int SinceFrame, DateTimeOffset Since)> _since = [];
    private bool _observed;

    public AlertFeed(AlertService alerts, AlertScope lot, IEnumerable<(AlertScope Scope, IEnumerable<int> SpotIds)> zones, TimeProvider time)
    {
        (_alerts, _lot, _time) = (alerts, lot, time);
        _zones = zones.Select(zone => (zone.Scope, zone.SpotIds.ToHashSet())).ToList();
    }

    private AlertFeed()
    {
        (_zones, _time) = ([], TimeProvider.System);
    }

    /// <summary>A feed that forwards nothing, for a run whose lot could not be read.</summary>
    public static AlertFeed None { get; } = new();

    /// <summary>The run has started: the lot's camera delivers frames.</summary>
    public void Online() => ObserveCamera(online: true, _time.GetUtcNow());

    /// <summary>The run failed: the lot's camera is offline until a run starts again.</summary>
    public void Offline() => ObserveCamera(online: false, _time.GetUtcNow());

    /// <summary>A live stream's connection changed (on its reading thread): offline from when it dropped once the source calls it
    /// offline, online again when frames arrive. A brief reconnection is not reported: the camera rule's duration is the patience.</summary>
    public void Connection(StreamConnection connection)
    {
        if (connection.Status == StreamStatus.Reconnecting) return;
        ObserveCamera(connection.Status == StreamStatus.Live, connection.Since);
    }

    /// <summary>Forwards the lot's and its zones' spots when a spot flipped (and for the first snapshot); unchanged frames cost nothing.</summary>
    public void Observe(OccupancySnapshot snapshot)
    {
        if (_alerts is null || _lot is null || (_observed && snapshot.Changed.Count == 0)) return;
        _observed = true;
        var now = _time.GetUtcNow();
        var spots = snapshot.Spots.Select(state => new ObservedSpot(state.SpotId, state.Status, Since(state, snapshot, now))).ToList();
        _alerts.Observe(new ScopeObservation(_lot, spots));
        foreach (var (scope, members) in _zones)
        {
            var inZone = spots.Where(spot => members.Contains(spot.Id)).ToList();
            // A zone none of whose spots this analysis has (drawn after it started) has no count to watch.
            if (inZone.Count > 0) _alerts.Observe(new ScopeObservation(scope, inZone));
        }
    }

    /// <summary>When the spot's state began, on the dashboard's clock: fixed when the state is first seen (video time before it
    /// counts back from now), so that one visit keeps one start and an overstay is not taken for a new car.</summary>
    private DateTimeOffset Since(SpotState state, OccupancySnapshot snapshot, DateTimeOffset now)
    {
        if (_since.TryGetValue(state.SpotId, out var known) && known.SinceFrame == state.SinceFrame) return known.Since;
        var since = now - (snapshot.Time - state.SinceTime);
        _since[state.SpotId] = (state.SinceFrame, since);
        return since;
    }

    private void ObserveCamera(bool online, DateTimeOffset since)
    {
        if (_alerts is null || _lot is null) return;
        _alerts.Observe(new CameraObservation(_lot, online, since));
    }
}
