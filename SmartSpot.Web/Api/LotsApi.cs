using SmartSpot.Vision;
using SmartSpot.Web.Analysis;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Auth.Audit;
using SmartSpot.Web.Corrections;
using SmartSpot.Web.Lots;
using SmartSpot.Web.Sessions;
using SmartSpot.Web.Uploads;

namespace SmartSpot.Web.Api;

/// <summary>
/// The /api/lots endpoints: make a lot of a video (optionally with a lot file), list, inspect, rename, replace its
/// spots and zones (a lot file or a mask), export it (lot file, mask), its still frame, and start analyses on it.
/// Errors are <see cref="ApiProblems"/>; a refused layout names every problem and its spots.
/// </summary>
public static class LotsApi
{
    public static IEndpointRouteBuilder MapLotsApi(this IEndpointRouteBuilder routes)
    {
        // Like /api/sessions: reading needs a viewer, changing a lot or starting its analysis an operator (audited).
        var lots = routes.MapGroup("/api/lots").AddEndpointFilter(ApiProblems.AnswerErrorsAsync).RequireAuthorization(UserRoles.Viewer);
        lots.MapPost("/", CreateAsync).RequireAuthorization(UserRoles.Operator).Audited(AuditAction.LotCreated);
        lots.MapGet("/", ListAsync);
        lots.MapGet("/{id}", GetAsync);
        lots.MapPut("/{id}", UpdateAsync).RequireAuthorization(UserRoles.Operator).Audited(AuditAction.LotChanged);
        lots.MapPut("/{id}/layout", ImportAsync).RequireAuthorization(UserRoles.Operator).Audited(AuditAction.LotChanged);
        lots.MapPut("/{id}/mask", ImportMaskAsync).RequireAuthorization(UserRoles.Operator).Audited(AuditAction.LotChanged);
        lots.MapGet("/{id}/lot.json", ExportAsync);
        lots.MapGet("/{id}/mask.png", MaskAsync);
        lots.MapGet("/{id}/frame.jpg", FrameAsync);
        lots.MapPost("/{id}/sessions", StartAsync).RequireAuthorization(UserRoles.Operator).Audited(AuditAction.Uploaded);
        return routes;
    }

    /// <summary>The body of <c>PUT /api/lots/{id}</c>: the lot's name, its camera's live address and its analyses' speed (null clears either).</summary>
    public sealed record LotDetails(string? Name, string? LiveUrl, double? Speed);

    private static async Task<IResult> CreateAsync(
        HttpRequest request, UploadStore uploads, LotCatalog catalog, LotOptions options, LotCalibrator calibrator, CancellationToken cancellationToken)
    {
        var lot = await UploadFormReader.CreateLotAsync(request, uploads, catalog, options, cancellationToken);
        return Results.Created($"/api/lots/{lot.Id}", await DescribeAsync(lot, calibrator, cancellationToken));
    }

    private static async Task<IResult> ListAsync(LotRepository lots, CancellationToken cancellationToken)
    {
        var list = await lots.ListAsync(cancellationToken);
        return Results.Ok(list.Select(lot => new
        {
            lot.Id, lot.Name, lot.CreatedAt, lot.Kind, lot.VideoFileName, lot.LiveUrl,
            Frame = new { lot.FrameSize.Width, lot.FrameSize.Height },
            Spots = lot.SpotCount, Zones = lot.ZoneCount, Sessions = lot.SessionCount, lot.LastAnalysedAt,
        }));
    }

    private static async Task<IResult> GetAsync(string id, LotRepository lots, LotCalibrator calibrator, CancellationToken cancellationToken) =>
        await FindAsync(id, lots, cancellationToken) is { } lot ? Results.Ok(await DescribeAsync(lot, calibrator, cancellationToken)) : ApiProblems.NoSuchLot(id);

    private static async Task<IResult> UpdateAsync(string id, LotDetails details, LotCatalog catalog, LotRepository lots, LotCalibrator calibrator, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var guid)) return ApiProblems.NoSuchLot(id);
        var name = details.Name ?? throw new InvalidInputException("Give the lot's \"name\" (and \"liveUrl\" and \"speed\", or null for none).");
        if (!await catalog.UpdateDetailsAsync(guid, name, details.LiveUrl, details.Speed, cancellationToken)) return ApiProblems.NoSuchLot(id);
        return Results.Ok(await DescribeAsync((await lots.GetAsync(guid, cancellationToken))!, calibrator, cancellationToken));
    }

    /// <summary>Replaces the spots, zones and settings with those of the lot file in the body (scaled to the lot's video).</summary>
    private static async Task<IResult> ImportAsync(
        string id, HttpRequest request, LotCatalog catalog, LotOptions options, LotCalibrator calibrator, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var guid)) return ApiProblems.NoSuchLot(id);
        var json = await ReadBodyAsync(request, options.MaxLotFileBytes, "lot file", cancellationToken);
        return await catalog.ImportAsync(guid, json, "the request body", cancellationToken) is { } lot
            ? Results.Ok(await DescribeAsync(lot, calibrator, cancellationToken))
            : ApiProblems.NoSuchLot(id);
    }

    /// <summary>Replaces the spots with the components of the mask image in the body (zones keep the spots that are still there).</summary>
    private static async Task<IResult> ImportMaskAsync(
        string id, HttpRequest request, LotCatalog catalog, LotRepository lots, UploadStore uploads, LotCalibrator calibrator, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, lots, cancellationToken) is not { } lot) return ApiProblems.NoSuchLot(id);
        var image = await ReadBodyAsync(request, uploads.Limits.MaxMaskBytes, "mask", cancellationToken);
        var spots = catalog.SpotsOfMask(image, "the mask in the request body", lot.Layout.FrameSize);
        var ids = spots.Select(spot => spot.Id).ToHashSet();
        var layout = lot.Layout with
        {
            Spots = spots,
            Zones = lot.Layout.Zones.Select(zone => zone with { SpotIds = [.. zone.SpotIds.Where(ids.Contains)] }).ToList(),
        };
        await catalog.SaveLayoutAsync(lot.Id, layout, cancellationToken);
        return Results.Ok(await DescribeAsync(lot with { Layout = layout }, calibrator, cancellationToken));
    }

    private static async Task<IResult> ExportAsync(string id, LotRepository lots, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, lots, cancellationToken) is not { } lot) return ApiProblems.NoSuchLot(id);
        return Results.File(LotFile.From(lot.Name, lot.Layout).ToJson(), "application/json", $"{DownloadName.Of(lot.Name, lot.Id)}-lot.json");
    }

    private static async Task<IResult> MaskAsync(string id, LotRepository lots, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, lots, cancellationToken) is not { } lot) return ApiProblems.NoSuchLot(id);
        return Results.File(LotCatalog.MaskOf(lot.Layout), "image/png", $"{DownloadName.Of(lot.Name, lot.Id)}-mask.png");
    }

    /// <summary>The first frame of the lot's video, at its own size: the picture its spots are drawn on.</summary>
    private static async Task<IResult> FrameAsync(string id, LotRepository lots, LotCatalog catalog, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, lots, cancellationToken) is not { } lot) return ApiProblems.NoSuchLot(id);
        var still = await catalog.RenderAsync(lot.Source, cancellationToken);
        response.Headers.CacheControl = "private, max-age=300";
        return Results.File(still.Jpeg, "image/jpeg");
    }

    /// <param name="speed">Optional: see <see cref="AnalysisSpeed"/>; absent = the lot's speed, else SmartSpot:Analysis:DefaultSpeed.</param>
    private static async Task<IResult> StartAsync(string id, string? speed, LotCatalog catalog, CancellationToken cancellationToken)
    {
        var pace = AnalysisSpeed.Parse(speed);
        if (!Guid.TryParse(id, out var guid)) return ApiProblems.NoSuchLot(id);
        return await catalog.StartAsync(guid, pace, cancellationToken) is { } session
            ? Results.Accepted($"/api/sessions/{session.Id}", new { id = session.Id, status = session.Status })
            : ApiProblems.NoSuchLot(id);
    }

    private static async Task<Lot?> FindAsync(string id, LotRepository lots, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var guid) ? await lots.GetAsync(guid, cancellationToken) : null;

    /// <summary>The lot as the API shows it, with its camera's measured accuracy and calibration (<see cref="CorrectionsApi.Describe"/>).</summary>
    private static async Task<object> DescribeAsync(Lot lot, LotCalibrator calibrator, CancellationToken cancellationToken)
    {
        var camera = CorrectionsApi.Describe(await calibrator.StatusAsync(lot.Id, cancellationToken));
        return new
        {
            lot.Id, lot.Name, lot.CreatedAt, lot.UpdatedAt, lot.Source.Kind, lot.Source.VideoFileName, lot.Source.LiveUrl,
            Frame = new { lot.Layout.FrameSize.Width, lot.Layout.FrameSize.Height },
            lot.Layout.Settings,
            Spots = lot.Layout.Spots.Select(spot => new
            {
                spot.Id, spot.Name,
                Corners = spot.Quad.Corners.Select(corner => new[] { corner.X, corner.Y }),
                Box = new { spot.Quad.Bounds.X, spot.Quad.Bounds.Y, spot.Quad.Bounds.Width, spot.Quad.Bounds.Height },
            }),
            Zones = lot.Layout.Zones.Select(zone => new { zone.Id, zone.Name, Spots = zone.SpotIds }),
            Camera = camera,
        };
    }

    /// <summary>The request body, refused beyond <paramref name="limit"/> bytes or when empty.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, long limit, string what, CancellationToken cancellationToken)
    {
        var tooLarge = $"The {what} is larger than the {UploadStore.FormatBytes(limit)} limit. Send a smaller one.";
        if (request.ContentLength > limit) throw new InvalidInputException(tooLarge);
        var body = await BoundedRead.AllAsync(request.Body, limit, tooLarge, cancellationToken);
        return body.Length > 0 ? body : throw new InvalidInputException($"The request body is empty: send the {what} as the body.");
    }
}
