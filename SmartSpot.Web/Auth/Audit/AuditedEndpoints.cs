namespace SmartSpot.Web.Auth.Audit;

/// <summary>Marks endpoints as audited (<c>.Audited(AuditAction.Stopped)</c>) and records their successful calls after they answer.</summary>
public static class AuditedEndpoints
{
    public static TBuilder Audited<TBuilder>(this TBuilder builder, AuditAction action) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditedEndpoint(action));

    /// <summary>Place after authentication, so that the actor is known.</summary>
    public static IApplicationBuilder UseAudit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<AuditedEndpoint>() is { } audited && context.Response.StatusCode is >= 200 and < 300)
        {
            var target = context.Request.RouteValues["id"]?.ToString() ?? LastSegment(context.Response.Headers.Location.ToString());
            await context.RequestServices.GetRequiredService<AuditLog>().RecordAsync(
                context.User, audited.Action, target, address: context.Connection.RemoteIpAddress?.ToString(), cancellationToken: CancellationToken.None);
        }
    });

    private static string? LastSegment(string location) => location.Length == 0 ? null : location[(location.LastIndexOf('/') + 1)..];
}
