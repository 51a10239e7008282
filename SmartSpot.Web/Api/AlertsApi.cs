using System.Text.Json;
using SmartSpot.Vision;
using SmartSpot.Web.Alerts;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Auth.Audit;

namespace SmartSpot.Web.Api;

/// <summary>The /api/lots/{id}/alerts endpoints: list a lot's alert rules, add one (on the lot or one of its zones), delete one.
/// Viewers list, operators change (audited as a lot change). Errors are <see cref="ApiProblems"/>.</summary>
public static class AlertsApi
{
    /// <summary>A rule is a few fields; anything larger is not one.</summary>
    private const int MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder routes)
    {
        var alerts = routes.MapGroup("/api/lots/{id}/alerts").AddEndpointFilter(ApiProblems.AnswerErrorsAsync).RequireAuthorization(UserRoles.Viewer);
        alerts.MapGet("/", ListAsync);
        alerts.MapPost("/", AddAsync).RequireAuthorization(UserRoles.Operator).Audited(AuditAction.LotChanged);
        alerts.MapDelete("/{ruleId}", DeleteAsync).RequireAuthorization(UserRoles.Operator).Audited(AuditAction.LotChanged);
        return routes;
    }

    private static async Task<IResult> ListAsync(string id, LotAlertRules rules, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var lotId) && await rules.ListAsync(lotId, cancellationToken) is { } list
            ? Results.Ok(list)
            : ApiProblems.NoSuchLot(id);

    /// <summary>The body is an <see cref="AlertRuleRequest"/>: <c>{"kind":"FreeAtOrBelow","zoneId":2,"threshold":3}</c>.</summary>
    private static async Task<IResult> AddAsync(string id, HttpRequest request, LotAlertRules rules, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var lotId)) return ApiProblems.NoSuchLot(id);
        var rule = await rules.AddAsync(lotId, await ReadRuleAsync(request, cancellationToken), cancellationToken);
        return rule is null ? ApiProblems.NoSuchLot(id) : Results.Created($"/api/lots/{id}/alerts/{rule.Id}", rule);
    }

    private static async Task<IResult> DeleteAsync(string id, string ruleId, LotAlertRules rules, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var lotId)) return ApiProblems.NoSuchLot(id);
        return Guid.TryParse(ruleId, out var rule) && await rules.DeleteAsync(lotId, rule, cancellationToken)
            ? Results.NoContent()
            : ApiProblems.Problem(StatusCodes.Status404NotFound, "No such rule",
                $"The lot has no alert rule with the id '{(ruleId.Length <= 40 ? ruleId : ruleId[..40] + "…")}'. See GET /api/lots/{id}/alerts for its rules.");
    }

    private static async Task<AlertRuleRequest> ReadRuleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        const string shape = "Send the rule as JSON, e.g. {\"kind\":\"FreeAtOrBelow\",\"zoneId\":null,\"threshold\":3} or {\"kind\":\"Overstay\",\"durationSeconds\":7200}.";
        var body = await BoundedRead.AllAsync(request.Body, MaxBodyBytes, $"The rule is larger than {MaxBodyBytes / 1024} KB. {shape}", cancellationToken);
        try
        {
            return JsonSerializer.Deserialize<AlertRuleRequest>(body, JsonSerializerOptions.Web) ?? throw new InvalidInputException($"The body is null. {shape}");
        }
        catch (JsonException invalid)
        {
            var where = invalid.Path is { Length: > 1 } path ? $" at {path}" : "";
            throw new InvalidInputException($"The body is not a rule: the JSON is malformed or a field has the wrong type{where}. {shape}", invalid);
        }
    }
}
