using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartSpot.Vision;
using SmartSpot.Web.Services;

namespace SmartSpot.Web.Api;

/// <summary>The /api/sessions endpoints: upload, demo, list, inspect, export, stop/pause/resume, restart.</summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder routes)
    {
        var sessions = routes.MapGroup("/api/sessions").AddEndpointFilter(AnswerUnexpectedErrorsAsync);
        sessions.MapPost("/", CreateAsync);
        sessions.MapPost("/demo", DemoAsync);
        sessions.MapGet("/", ListAsync);
        sessions.MapGet("/{id:guid}", GetAsync);
        sessions.MapGet("/{id:guid}/intervals.json", IntervalsAsync);
        sessions.MapGet("/{id:guid}/timeline.csv", TimelineAsync);
        sessions.MapPost("/{id:guid}/stop", (Guid id, SessionRegistry registry) => Control(id, registry, session => session.Stop()));
        sessions.MapPost("/{id:guid}/pause", (Guid id, SessionRegistry registry) => Control(id, registry, session => session.Pause()));
        sessions.MapPost("/{id:guid}/resume", (Guid id, SessionRegistry registry) => Control(id, registry, session => session.Resume()));
        sessions.MapPost("/{id:guid}/restart", RestartAsync);
        return routes;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, UploadStore uploads, SessionRegistry registry, CancellationToken cancellationToken)
    {
        try
        {
            var session = await SessionUploadReader.CreateSessionAsync(request, uploads, registry, cancellationToken);
            return Results.Accepted($"/api/sessions/{session.Id}", new { id = session.Id, status = session.Status });
        }
        catch (InvalidInputException invalid)
        {
            return Error(StatusCodes.Status400BadRequest, "The upload was refused", invalid.Message);
        }
        catch (QueueFullException full)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, "The analysis queue is full", full.Message);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "The upload is too large",
                $"The upload is larger than the video and mask limits together ({UploadStore.FormatBytes(uploads.Limits.MaxVideoBytes)} + {UploadStore.FormatBytes(uploads.Limits.MaxMaskBytes)}). Upload smaller files.");
        }
    }

    /// <param name="speed">Optional: see <see cref="AnalysisSpeed"/>; absent = SmartSpot:Analysis:DefaultSpeed.</param>
    private static async Task<IResult> DemoAsync(string? speed, SessionRegistry registry, CancellationToken cancellationToken)
    {
        try
        {
            var session = await registry.StartDemoAsync(AnalysisSpeed.Parse(speed), cancellationToken);
            return Results.Accepted($"/api/sessions/{session.Id}", new { id = session.Id, status = session.Status });
        }
        catch (InvalidInputException invalid)
        {
            return Error(StatusCodes.Status400BadRequest, "Invalid speed", invalid.Message);
        }
        catch (QueueFullException full)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, "The analysis queue is full", full.Message);
        }
    }

    private static async Task<IResult> ListAsync(SessionStore store, CancellationToken cancellationToken)
    {
        var sessions = await store.ListAsync(cancellationToken);
        return Results.Ok(sessions.Select(s => new
        {
            s.Id, s.Name, s.CreatedAt, s.VideoFileName, Spots = s.SpotCount, s.Status, s.Free, s.Occupied, s.Progress, s.Error,
        }));
    }

    private static async Task<IResult> GetAsync(Guid id, SessionStore store, SessionRegistry registry, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } session) return NotFound(id);
        var live = registry.Find(id);
        var current = live?.Latest?.Spots.ToDictionary(state => state.SpotId, state => state.Status);
        return Results.Ok(new
        {
            session.Id, session.Name, session.CreatedAt, session.VideoFileName, session.MaskFileName, session.Status, session.Error,
            session.Progress, session.FramesDone, session.FrameCount,
            ProcessingFps = live?.FramesPerSecond ?? 0,
            Video = session.Video is { } video ? new { video.Width, video.Height, video.Fps, video.FrameCount } : null,
            session.Free, session.Occupied, session.StartedAt, session.FinishedAt,
            Spots = session.Spots.Select(spot => new
            {
                spot.Id, spot.Box.X, spot.Box.Y, spot.Box.Width, spot.Box.Height,
                Status = current is null ? session.StatusOf(spot.Id) : current.GetValueOrDefault(spot.Id),
            }),
        });
    }

    private static async Task<IResult> IntervalsAsync(Guid id, SessionStore store, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } session) return NotFound(id);
        response.Headers.ContentDisposition = $"attachment; filename=\"{ExportName(session)}-intervals.json\"";
        return Results.Ok(session.Intervals.Select(i => new
        {
            i.SpotId, i.Status, i.StartFrame, i.EndFrame, StartSeconds = i.StartTime.TotalSeconds, EndSeconds = i.EndTime.TotalSeconds,
        }));
    }

    private static async Task<IResult> TimelineAsync(Guid id, SessionStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } session) return NotFound(id);
        var csv = new StringBuilder("frame,time,free,occupied\n");
        foreach (var point in session.Timeline)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{point.Frame},{point.Time.TotalSeconds:0.###},{point.Free},{point.Occupied}\n");
        }
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"{ExportName(session)}-timeline.csv");
    }

    private static IResult Control(Guid id, SessionRegistry registry, Action<AnalysisSession> action)
    {
        if (registry.Find(id) is not { } session || !session.IsActive)
        {
            return Error(StatusCodes.Status409Conflict, "The analysis is not running",
                $"No running or queued analysis has the id {id}; only those can be stopped, paused or resumed. See GET /api/sessions.");
        }
        action(session);
        return Results.Accepted($"/api/sessions/{id}", new { id, status = session.Status });
    }

    /// <param name="speed">Optional: see <see cref="AnalysisSpeed"/>; absent = the speed of the first run.</param>
    private static async Task<IResult> RestartAsync(Guid id, string? speed, SessionRegistry registry, CancellationToken cancellationToken)
    {
        double? parsedSpeed;
        try
        {
            parsedSpeed = AnalysisSpeed.Parse(speed);
        }
        catch (InvalidInputException invalid)
        {
            return Error(StatusCodes.Status400BadRequest, "Invalid speed", invalid.Message);
        }
        try
        {
            return await registry.RestartAsync(id, parsedSpeed, cancellationToken) is { } session
                ? Results.Accepted($"/api/sessions/{id}", new { id, status = session.Status })
                : NotFound(id);
        }
        catch (Exception refused) when (refused is InvalidOperationException or InvalidInputException)
        {
            return Error(StatusCodes.Status409Conflict, "The analysis cannot be restarted", refused.Message);
        }
        catch (QueueFullException full)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, "The analysis queue is full", full.Message);
        }
    }

    /// <summary>An API client gets problem details with a message, never an HTML error page or a stack trace.</summary>
    private static async ValueTask<object?> AnswerUnexpectedErrorsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionsApi))
                .LogError(error, "{Method} {Path} failed.", context.HttpContext.Request.Method, context.HttpContext.Request.Path);
            return Error(StatusCodes.Status500InternalServerError, "SmartSpot could not complete the request",
                error is IOException
                    ? $"SmartSpot could not store or read a file ({error.Message}). Check the free space in the data directory, then try again."
                    : $"SmartSpot could not complete the request ({error.Message}). Try again; if it keeps failing, the server log has the details.");
        }
    }

    private static IResult NotFound(Guid id) =>
        Error(StatusCodes.Status404NotFound, "No such analysis", $"There is no analysis with the id {id}. See GET /api/sessions for the list.");

    private static ProblemHttpResult Error(int status, string title, string message) =>
        TypedResults.Problem(message, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["error"] = message });

    private static string ExportName(StoredSession session)
    {
        var safe = new string(session.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        return safe.Length == 0 ? session.Id.ToString("N") : safe;
    }
}
