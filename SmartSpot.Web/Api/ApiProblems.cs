using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartSpot.Vision;
using SmartSpot.Web.Analysis;
using SmartSpot.Web.Lots;
using SmartSpot.Web.Storage;
using SmartSpot.Web.Uploads;

namespace SmartSpot.Web.Api;

/// <summary>Every API error as problem details with an operator message (also in <c>error</c>): never a stack trace, an HTML page or a server path.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult Problem(int status, string title, string message) =>
        TypedResults.Problem(message, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["error"] = message });

    public static ProblemHttpResult NoSuchSession(string id) =>
        Problem(StatusCodes.Status404NotFound, "No such analysis", $"There is no analysis with the id '{Shorten(id)}'. See GET /api/sessions for the list.");

    public static ProblemHttpResult NoSuchLot(string id) =>
        Problem(StatusCodes.Status404NotFound, "No such lot", $"There is no lot with the id '{Shorten(id)}'. See GET /api/lots for the list.");

    public static ProblemHttpResult NotRunning(Guid id) =>
        Problem(StatusCodes.Status409Conflict, "The analysis is not running",
            $"The analysis {id} is not queued or running; only those can be paused, resumed, stopped or watched live. See GET /api/sessions/{id}.");

    /// <summary>The answer to an exception a request handler let through.</summary>
    public static IResult From(Exception error, HttpContext context) => error switch
    {
        InvalidInputException invalid => Problem(StatusCodes.Status400BadRequest, "The request was refused", invalid.Message),
        LayoutRefusedException refused => TypedResults.Problem(refused.Message, statusCode: StatusCodes.Status400BadRequest, title: "The lot's spots were refused",
            extensions: new Dictionary<string, object?> { ["error"] = refused.Message, ["problems"] = refused.Problems }),
        QueueFullException full => RetryLater(context, full),
        StorageException { IsFull: true } storage => Problem(StatusCodes.Status507InsufficientStorage, "The server's disk is full", storage.Message),
        StorageException storage => Problem(StatusCodes.Status503ServiceUnavailable, "The server cannot store files", storage.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem(StatusCodes.Status413PayloadTooLarge, "The upload is too large",
            $"The upload is larger than the video and mask limits together ({UploadStore.FormatBytes(context.RequestServices.GetRequiredService<UploadStore>().Limits.MaxTotalBytes)}). Upload smaller files."),
        BadHttpRequestException => Problem(StatusCodes.Status400BadRequest, "The request was refused",
            "The request ended before it was complete (the connection was cut). Send it again."),
        _ => Problem(StatusCodes.Status500InternalServerError, "SmartSpot could not complete the request",
            $"SmartSpot could not complete the request. Try again; if it keeps failing, the server log has the details (request {context.TraceIdentifier})."),
    };

    /// <summary>The endpoint filter of every API group: an API client gets problem details with a message, never an HTML error page or a stack trace.</summary>
    public static async ValueTask<object?> AnswerErrorsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception error) when (error is not OperationCanceledException || !context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            var services = context.HttpContext.RequestServices;
            var answer = From(error, context.HttpContext);
            var level = answer is IStatusCodeHttpResult { StatusCode: >= 500 } ? LogLevel.Error : LogLevel.Information;
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiProblems))
                .Log(level, error, "{Method} {Path} answered with a problem.", context.HttpContext.Request.Method, context.HttpContext.Request.Path);
            return answer;
        }
    }

    private static ProblemHttpResult RetryLater(HttpContext context, QueueFullException full)
    {
        context.Response.Headers.RetryAfter = ((int)QueueFullException.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status503ServiceUnavailable, "The analysis queue is full", full.Message);
    }

    private static string Shorten(string id) => id.Length <= 40 ? id : id[..40] + "…";
}
