using System.Text.Json;
using SmartSpot.Vision;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Auth.Audit;
using SmartSpot.Web.Corrections;

namespace SmartSpot.Web.Api;

/// <summary>
/// Operators' corrections and a lot's calibration: label a spot on a frame of an analysis, list and delete a lot's labels
/// (and see each crop), get the frames a camera check would show, calibrate the lot on them or undo it. Viewers read, operators change
/// (audited as a lot change) and check (it runs the model on every spot).
/// </summary>
public static class CorrectionsApi
{
    /// <summary>A correction is three fields; anything larger is not one.</summary>
    private const int MaxBodyBytes = 4 * 1024;

    public static IEndpointRouteBuilder MapCorrectionsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").AddEndpointFilter(ApiProblems.AnswerErrorsAsync).RequireAuthorization(UserRoles.Viewer);
        api.MapPost("/sessions/{id}/corrections", CorrectAsync).RequireAuthorization(UserRoles.Operator).Audited(AuditAction.LotChanged);
        var lot = api.MapGroup("/lots/{id}");
        lot.MapGet("/corrections", ListAsync);
        lot.MapGet("/corrections/{correctionId}/crop.png", CropAsync);
        lot.MapDelete("/corrections/{correctionId}", DeleteAsync).RequireAuthorization(UserRoles.Operator).Audited(AuditAction.LotChanged);
        lot.MapGet("/check", CheckAsync).RequireAuthorization(UserRoles.Operator);
        lot.MapGet("/calibration", StatusAsync);
        lot.MapPost("/calibration", CalibrateAsync).RequireAuthorization(UserRoles.Operator).Audited(AuditAction.LotChanged);
        lot.MapDelete("/calibration", UndoAsync).RequireAuthorization(UserRoles.Operator).Audited(AuditAction.LotChanged);
        return routes;
    }

    /// <summary>The calibration part of a lot's description (<c>GET /api/lots/{id}</c> and the calibration endpoints).</summary>
    public static object Describe(CalibrationStatus status) => new
    {
        Accuracy = new { Measured = status.MeasuredAccuracy, status.Checks, Model = status.Head is null ? "generic" : "calibrated" },
        Labels = new { Free = status.FreeLabels, Occupied = status.OccupiedLabels, NeededPerClass = status.MinimumPerClass },
        status.CanCalibrate,
        status.Shortfall,
        Calibration = status.Head is not { } applied ? null : new
        {
            applied.HeadId, applied.CalibratedAt, applied.CalibratedBy,
            Labels = applied.Head.CrossValidation.Labels,
            applied.Head.CrossValidation.Spots,
            applied.Head.CrossValidation.Folds,
            GenericAccuracy = applied.Head.CrossValidation.GenericAccuracy,
            CalibratedAccuracy = applied.Head.CrossValidation.CalibratedAccuracy,
        },
    };

    private static async Task<IResult> CorrectAsync(string id, HttpRequest request, CorrectionRecorder recorder, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var sessionId)) return ApiProblems.NoSuchSession(id);
        var body = await ReadAsync(request, cancellationToken);
        var (spotId, label) = body.Checked();
        var correction = await recorder.CorrectAsync(sessionId, spotId, label, body.Frame, Principals.ActorOf(request.HttpContext.User), cancellationToken);
        return correction is null ? ApiProblems.NoSuchSession(id) : Results.Created($"/api/lots/{correction.LotId}/corrections/{correction.Id}", correction);
    }

    private static async Task<IResult> ListAsync(string id, CalibrationRepository repository, Lots.LotRepository lots, CancellationToken cancellationToken) =>
        await LotIdAsync(id, lots, cancellationToken) is { } lotId ? Results.Ok(await repository.ListAsync(lotId, cancellationToken)) : ApiProblems.NoSuchLot(id);

    private static async Task<IResult> CropAsync(string id, string correctionId, CalibrationRepository repository, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var lotId)) return ApiProblems.NoSuchLot(id);
        return Guid.TryParse(correctionId, out var correction) && await repository.CropAsync(lotId, correction, cancellationToken) is { } png
            ? Results.File(png, "image/png")
            : NoSuchCorrection(id, correctionId);
    }

    private static async Task<IResult> DeleteAsync(string id, string correctionId, CalibrationRepository repository, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var lotId)) return ApiProblems.NoSuchLot(id);
        return Guid.TryParse(correctionId, out var correction) && await repository.DeleteAsync(lotId, correction, cancellationToken)
            ? Results.NoContent()
            : NoSuchCorrection(id, correctionId);
    }

    /// <summary>The frames "Check this camera" shows, with the verdict shown on each spot; a frame's spots are labelled by POSTing corrections with its number.</summary>
    private static async Task<IResult> CheckAsync(string id, CorrectionRecorder recorder, Lots.LotRepository lots, CancellationToken cancellationToken)
    {
        if (await LotIdAsync(id, lots, cancellationToken) is not { } lotId) return ApiProblems.NoSuchLot(id);
        var check = await recorder.PrepareCheckAsync(lotId, cancellationToken);
        return Results.Ok(new
        {
            check.SessionId,
            check.SessionName,
            Model = check.Head is null ? "generic" : "calibrated",
            Frames = check.Frames.Select(frame => new
            {
                Frame = frame.Index,
                Time = frame.Timestamp,
                Spots = frame.Spots.Select(sample => new { sample.SpotId, Verdict = check.VerdictOf(sample), GenericConfidence = sample.Verdict.Confidence }),
            }),
        });
    }

    private static async Task<IResult> StatusAsync(string id, LotCalibrator calibrator, Lots.LotRepository lots, CancellationToken cancellationToken) =>
        await LotIdAsync(id, lots, cancellationToken) is { } lotId ? Results.Ok(Describe(await calibrator.StatusAsync(lotId, cancellationToken))) : ApiProblems.NoSuchLot(id);

    private static async Task<IResult> CalibrateAsync(string id, HttpContext context, LotCalibrator calibrator, Lots.LotRepository lots, CancellationToken cancellationToken)
    {
        if (await LotIdAsync(id, lots, cancellationToken) is not { } lotId) return ApiProblems.NoSuchLot(id);
        await calibrator.CalibrateAsync(lotId, Principals.ActorOf(context.User), cancellationToken);
        return Results.Ok(Describe(await calibrator.StatusAsync(lotId, cancellationToken)));
    }

    private static async Task<IResult> UndoAsync(string id, LotCalibrator calibrator, Lots.LotRepository lots, CancellationToken cancellationToken)
    {
        if (await LotIdAsync(id, lots, cancellationToken) is not { } lotId) return ApiProblems.NoSuchLot(id);
        return await calibrator.UndoAsync(lotId, cancellationToken)
            ? Results.Ok(Describe(await calibrator.StatusAsync(lotId, cancellationToken)))
            : ApiProblems.Problem(StatusCodes.Status404NotFound, "The lot is not calibrated", "The lot already uses the generic model: there is no calibration to undo.");
    }

    private static async Task<Guid?> LotIdAsync(string id, Lots.LotRepository lots, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var lotId) && await lots.GetAsync(lotId, cancellationToken) is not null ? lotId : null;

    private static IResult NoSuchCorrection(string lot, string correction) => ApiProblems.Problem(StatusCodes.Status404NotFound, "No such correction",
        $"The lot has no correction with the id '{(correction.Length <= 40 ? correction : correction[..40] + "…")}'. See GET /api/lots/{lot}/corrections for its corrections.");

    private static async Task<CorrectionRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        const string shape = "Send the correction as JSON, e.g. {\"spotId\":3,\"label\":\"free\"} (and \"frame\": its number, or leave it out for the frame the analysis shows).";
        var body = await BoundedRead.AllAsync(request.Body, MaxBodyBytes, $"The correction is larger than {MaxBodyBytes / 1024} KB. {shape}", cancellationToken);
        try
        {
            return JsonSerializer.Deserialize<CorrectionRequest>(body, JsonSerializerOptions.Web) ?? throw new InvalidInputException($"The body is null. {shape}");
        }
        catch (JsonException invalid)
        {
            var where = invalid.Path is { Length: > 1 } path ? $" at {path}" : "";
            throw new InvalidInputException($"The body is not a correction: the JSON is malformed or a field has the wrong type{where}. {shape}", invalid);
        }
    }
}
