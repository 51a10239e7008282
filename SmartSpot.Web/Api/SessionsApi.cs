using System.Globalization;
using System.Text;
using SmartSpot.Vision;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Analysis;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Auth.Audit;
using SmartSpot.Web.Demo;
using SmartSpot.Web.Lots;
using SmartSpot.Web.Sessions;
using SmartSpot.Web.Uploads;

namespace SmartSpot.Web.Api;

/// <summary>The /api/sessions endpoints: upload (one-step: a lot and its first analysis), demo, list, inspect, export (with per-zone counts), live MJPEG, stop/pause/resume, restart. Errors are <see cref="ApiProblems"/>.</summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder routes)
    {
        // Every /api endpoint needs a viewer (cookie or API key); the ones that change something need an operator and are audited.
        var api = routes.MapGroup("/api").AddEndpointFilter(ApiProblems.AnswerErrorsAsync).RequireAuthorization(UserRoles.Viewer);
        var sessions = api.MapGroup("/sessions");
        sessions.MapPost("/", CreateAsync).RequireAuthorization(UserRoles.Operator).Audited(AuditAction.Uploaded);
        sessions.MapPost("/demo", DemoAsync).RequireAuthorization(UserRoles.Operator).Audited(AuditAction.DemoStarted);
        sessions.MapGet("/", ListAsync);
        sessions.MapGet("/{id}", GetAsync);
        sessions.MapGet("/{id}/intervals.json", IntervalsAsync);
        sessions.MapGet("/{id}/timeline.csv", TimelineAsync);
        sessions.MapGet("/{id}/timeline.json", TimelineJsonAsync);
        sessions.MapGet("/{id}/live.mjpeg", LiveAsync);
        sessions.MapPost("/{id}/stop", (string id, SessionRegistry registry) => Control(id, registry, session => session.Stop()))
            .RequireAuthorization(UserRoles.Operator).Audited(AuditAction.Stopped);
        sessions.MapPost("/{id}/pause", (string id, SessionRegistry registry) => Control(id, registry, session => session.Pause()))
            .RequireAuthorization(UserRoles.Operator).Audited(AuditAction.Paused);
        sessions.MapPost("/{id}/resume", (string id, SessionRegistry registry) => Control(id, registry, session => session.Resume()))
            .RequireAuthorization(UserRoles.Operator).Audited(AuditAction.Resumed);
        sessions.MapPost("/{id}/restart", RestartAsync).RequireAuthorization(UserRoles.Operator).Audited(AuditAction.Restarted);
        api.Map("/{**path}", (string? path) => ApiProblems.Problem(StatusCodes.Status404NotFound, "No such endpoint",
            $"There is no API endpoint /api/{path} for this method. See docs/web-api.md for the endpoints."));
        return routes;
    }

    /// <param name="speed">Optional, here or as a form field: see <see cref="AnalysisSpeed"/>; absent = SmartSpot:Analysis:DefaultSpeed.</param>
    private static async Task<IResult> CreateAsync(HttpRequest request, string? speed, UploadStore uploads, LotCatalog catalog, CancellationToken cancellationToken)
    {
        var session = await UploadFormReader.CreateSessionAsync(request, speed, uploads, catalog, cancellationToken);
        return Accepted(session);
    }

    /// <param name="speed">Optional: see <see cref="AnalysisSpeed"/>; absent = SmartSpot:Analysis:DefaultSpeed.</param>
    private static async Task<IResult> DemoAsync(string? speed, DemoSessions demo, CancellationToken cancellationToken) =>
        Accepted(await demo.StartAsync(AnalysisSpeed.Parse(speed), cancellationToken));

    private static async Task<IResult> ListAsync(SessionReader reader, CancellationToken cancellationToken)
    {
        var sessions = await reader.ListAsync(cancellationToken);
        return Results.Ok(sessions.Select(s => new
        {
            s.Id, s.Name, s.CreatedAt, s.Kind, s.LotId, s.VideoFileName, Spots = s.SpotCount, s.Status, s.Free, s.Occupied, s.Progress, s.Error,
        }));
    }

    private static async Task<IResult> GetAsync(string id, SessionReader reader, LotRepository lots, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, reader, cancellationToken) is not { } detail) return ApiProblems.NoSuchSession(id);
        var session = detail.Summary;
        var zones = await ZonesOfAsync(session, lots, cancellationToken);
        return Results.Ok(new
        {
            session.Id, session.Name, session.CreatedAt, session.Kind, session.LotId, session.VideoFileName, session.MaskFileName, session.Status, session.Error,
            session.Progress, session.FramesDone, session.FrameCount, session.Speed,
            ProcessingFps = detail.FramesPerSecond,
            Video = session.Video is { } video ? new { video.Width, video.Height, video.Fps, video.FrameCount } : null,
            session.Free, session.Occupied, session.StartedAt, session.FinishedAt,
            Live = session.IsActive ? $"/api/sessions/{session.Id}/live.mjpeg" : null,
            Stream = detail.Stream is { } stream ? StreamView(stream) : null,
            Spots = detail.Spots.Select(spot => SpotView(spot, detail.StateOf(spot.Id), session.IsActive, detail.IsStale)),
            Zones = ZoneCounter.Count(zones, detail.States).Zip(zones, (count, zone) => new { count.ZoneId, count.Name, count.Free, count.Occupied, Spots = zone.SpotIds }),
        });
    }

    // Confidences are known while the analysis runs; a stored analysis keeps only statuses, so they are null then.
    // Stale: a live stream is reconnecting, so the status is the last one seen before it dropped.
    private static object SpotView(ParkingSpot spot, SpotState? state, bool live, bool stale) => new
    {
        spot.Id, spot.Box.X, spot.Box.Y, spot.Box.Width, spot.Box.Height, state?.Status,
        Confidence = live ? state?.Confidence : null,
        Uncertain = live ? state?.Uncertain : null,
        Stale = stale,
    };

    private static object StreamView(StreamHealth stream) => new
    {
        stream.Status, stream.Since, stream.LastError, stream.Reconnects, stream.FramesReceived, stream.FramesDropped, stream.Fps,
    };

    private static async Task<IResult> IntervalsAsync(string id, SessionReader reader, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, reader, cancellationToken) is not { } session) return ApiProblems.NoSuchSession(id);
        response.Headers.ContentDisposition = $"attachment; filename=\"{DownloadName.Of(session.Summary.Name, session.Summary.Id)}-intervals.json\"";
        return Results.Ok(session.Intervals.Select(i => new
        {
            i.SpotId, i.Status, i.StartFrame, i.EndFrame, StartSeconds = i.StartTime.TotalSeconds, EndSeconds = i.EndTime.TotalSeconds,
        }));
    }

    /// <summary>frame,time,free,occupied,gap (1 after a break in a live stream), then a free and an occupied column per zone of the lot.</summary>
    private static async Task<IResult> TimelineAsync(string id, SessionReader reader, LotRepository lots, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, reader, cancellationToken) is not { } session) return ApiProblems.NoSuchSession(id);
        var zones = await ZonesOfAsync(session.Summary, lots, cancellationToken);
        var zoneTimelines = zones.Select(zone => ZoneCounter.Timeline(zone, session.Timeline, session.Intervals)).ToList();
        var csv = new StringBuilder("frame,time,free,occupied,gap");
        foreach (var zone in zones)
        {
            csv.Append(CultureInfo.InvariantCulture, $",{CsvField(zone.Name + " free")},{CsvField(zone.Name + " occupied")}");
        }
        csv.Append('\n');
        for (var index = 0; index < session.Timeline.Count; index++)
        {
            var point = session.Timeline[index];
            csv.Append(CultureInfo.InvariantCulture, $"{point.Frame},{point.Time.TotalSeconds:0.###},{point.Free},{point.Occupied},{(point.FollowsGap ? 1 : 0)}");
            foreach (var zone in zoneTimelines)
            {
                csv.Append(CultureInfo.InvariantCulture, $",{zone[index].Free},{zone[index].Occupied}");
            }
            csv.Append('\n');
        }
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"{DownloadName.Of(session.Summary.Name, session.Summary.Id)}-timeline.csv");
    }

    /// <summary>The counts after every analysed frame, for the lot and each of its zones.</summary>
    private static async Task<IResult> TimelineJsonAsync(string id, SessionReader reader, LotRepository lots, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, reader, cancellationToken) is not { } session) return ApiProblems.NoSuchSession(id);
        var zones = await ZonesOfAsync(session.Summary, lots, cancellationToken);
        var zoneTimelines = zones.Select(zone => ZoneCounter.Timeline(zone, session.Timeline, session.Intervals)).ToList();
        response.Headers.ContentDisposition = $"attachment; filename=\"{DownloadName.Of(session.Summary.Name, session.Summary.Id)}-timeline.json\"";
        return Results.Ok(new
        {
            Zones = zones.Select(zone => new { zone.Id, zone.Name, Spots = zone.SpotIds }),
            Points = session.Timeline.Select((point, index) => new
            {
                point.Frame, Time = Math.Round(point.Time.TotalSeconds, 3), point.Free, point.Occupied, Gap = point.FollowsGap,
                Zones = zones.Select((zone, z) => new { zone.Id, zoneTimelines[z][index].Free, zoneTimelines[z][index].Occupied }),
            }),
        });
    }

    /// <summary>The zones of the session's lot (none when the lot is gone).</summary>
    private static async Task<IReadOnlyList<LotZone>> ZonesOfAsync(SessionSummary session, LotRepository lots, CancellationToken cancellationToken) =>
        (await lots.GetAsync(session.LotId, cancellationToken))?.Layout.Zones ?? [];

    private static string CsvField(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;

    /// <summary>The live annotated frames as MJPEG, from the same feed as the dashboard's; 409 when the analysis is not queued or running.</summary>
    private static async Task<IResult> LiveAsync(string id, SessionRegistry registry, SessionReader reader, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var guid)) return ApiProblems.NoSuchSession(id);
        if (registry.Find(guid) is { IsActive: true } session) return new MjpegStreamResult(session.Feed.Subscribe());
        return await reader.GetAsync(guid, cancellationToken) is null ? ApiProblems.NoSuchSession(id) : ApiProblems.NotRunning(guid);
    }

    private static IResult Control(string id, SessionRegistry registry, Action<AnalysisSession> action)
    {
        if (!Guid.TryParse(id, out var guid)) return ApiProblems.NoSuchSession(id);
        if (registry.Find(guid) is not { IsActive: true } session) return ApiProblems.NotRunning(guid);
        action(session);
        return Accepted(session);
    }

    /// <param name="speed">Optional: see <see cref="AnalysisSpeed"/>; absent = the speed of the first run.</param>
    private static async Task<IResult> RestartAsync(string id, string? speed, SessionRegistry registry, CancellationToken cancellationToken)
    {
        var pace = AnalysisSpeed.Parse(speed);
        if (!Guid.TryParse(id, out var guid)) return ApiProblems.NoSuchSession(id);
        try
        {
            return await registry.RestartAsync(guid, pace, cancellationToken) is { } session ? Accepted(session) : ApiProblems.NoSuchSession(id);
        }
        catch (Exception refused) when (refused is InvalidOperationException or InvalidInputException)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "The analysis cannot be restarted", refused.Message);
        }
    }

    private static async Task<SessionDetail?> FindAsync(string id, SessionReader reader, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var guid) ? await reader.GetAsync(guid, cancellationToken) : null;

    private static IResult Accepted(AnalysisSession session) =>
        Results.Accepted($"/api/sessions/{session.Id}", new { id = session.Id, status = session.Status });
}
