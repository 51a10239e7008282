namespace SmartSpot.Web.Auth.ApiKeys;

/// <summary>A new API key: what is stored, and the secret, which exists only here and is shown once.</summary>
public sealed record CreatedApiKey(ApiKeyEntity Key, string Secret);
