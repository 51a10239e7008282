namespace SmartSpot.Web.Auth.Audit;

/// <summary>Endpoint metadata: a successful (2xx) call of the endpoint is audited as <paramref name="Action"/>, on its <c>{id}</c> or the id its <c>Location</c> names.</summary>
public sealed record AuditedEndpoint(AuditAction Action);
