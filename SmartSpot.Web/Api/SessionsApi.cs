using System.Globalization;
using System.Text;
using SmartSpot.Vision;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Analysis;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Auth.Audit;
using SmartSpot.Web.Demo;
using SmartSpot.Web.Sessions;
using SmartSpot.Web.Uploads;

namespace SmartSpot.Web.Api;

/// <summary>The /api/sessions endpoints: upload, demo, list, inspect, export, live MJPEG, stop/pause/resume, restart. Errors are <see cref="ApiProblems"/>.</summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder routes)
    {
        // Every /api endpoint needs a viewer (cookie or API key); the ones that change something need an operator and are audited.
        var api = routes.MapGroup("/api").AddEndpointFilter(AnswerErrorsAsync).RequireAuthorization(UserRoles.Viewer);
        var sessions = api.MapGroup("/sessions");
        sessions.MapPost("/", CreateAsync).RequireAuthorization(UserRoles.Operator).Audited(AuditAction.Uploaded);
        sessions.MapPost("/demo", DemoAsync).RequireAuthorization(UserRoles.Operator).Audited(AuditAction.DemoStarted);
        sessions.MapGet("/", ListAsync);
        sessions.MapGet("/{id}", GetAsync);
        sessions.MapGet("/{id}/intervals.json", IntervalsAsync);
        sessions.MapGet("/{id}/timeline.csv", TimelineAsync);
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
    private static async Task<IResult> CreateAsync(HttpRequest request, string? speed, UploadStore uploads, SessionRegistry registry, CancellationToken cancellationToken)
    {
        var session = await UploadFormReader.CreateSessionAsync(request, speed, uploads, registry, cancellationToken);
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
            s.Id, s.Name, s.CreatedAt, s.Kind, s.VideoFileName, Spots = s.SpotCount, s.Status, s.Free, s.Occupied, s.Progress, s.Error,
        }));
    }

    private static async Task<IResult> GetAsync(string id, SessionReader reader, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, reader, cancellationToken) is not { } detail) return ApiProblems.NoSuchSession(id);
        var session = detail.Summary;
        return Results.Ok(new
        {
            session.Id, session.Name, session.CreatedAt, session.Kind, session.VideoFileName, session.MaskFileName, session.Status, session.Error,
            session.Progress, session.FramesDone, session.FrameCount, session.Speed,
            ProcessingFps = detail.FramesPerSecond,
            Video = session.Video is { } video ? new { video.Width, video.Height, video.Fps, video.FrameCount } : null,
            session.Free, session.Occupied, session.StartedAt, session.FinishedAt,
            Live = session.IsActive ? $"/api/sessions/{session.Id}/live.mjpeg" : null,
            Stream = detail.Stream is { } stream ? StreamView(stream) : null,
            Spots = detail.Spots.Select(spot => SpotView(spot, detail.StateOf(spot.Id), session.IsActive, detail.IsStale)),
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
        response.Headers.ContentDisposition = $"attachment; filename=\"{ExportName(session.Summary)}-intervals.json\"";
        return Results.Ok(session.Intervals.Select(i => new
        {
            i.SpotId, i.Status, i.StartFrame, i.EndFrame, StartSeconds = i.StartTime.TotalSeconds, EndSeconds = i.EndTime.TotalSeconds,
        }));
    }

    private static async Task<IResult> TimelineAsync(string id, SessionReader reader, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, reader, cancellationToken) is not { } session) return ApiProblems.NoSuchSession(id);
        var csv = new StringBuilder("frame,time,free,occupied,gap\n");
        foreach (var point in session.Timeline)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{point.Frame},{point.Time.TotalSeconds:0.###},{point.Free},{point.Occupied},{(point.FollowsGap ? 1 : 0)}\n");
        }
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"{ExportName(session.Summary)}-timeline.csv");
    }

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

    /// <summary>An API client gets problem details with a message, never an HTML error page or a stack trace.</summary>
    private static async ValueTask<object?> AnswerErrorsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception error) when (error is not OperationCanceledException || !context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            var services = context.HttpContext.RequestServices;
            var answer = ApiProblems.From(error, context.HttpContext);
            var level = answer is IStatusCodeHttpResult { StatusCode: >= 500 } ? LogLevel.Error : LogLevel.Information;
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionsApi))
                .Log(level, error, "{Method} {Path} answered with a problem.", context.HttpContext.Request.Method, context.HttpContext.Request.Path);
            return answer;
        }
    }

    private static string ExportName(SessionSummary session)
    {
        var safe = new string(session.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        return safe.Length == 0 ? session.Id.ToString("N") : safe;
    }
}
