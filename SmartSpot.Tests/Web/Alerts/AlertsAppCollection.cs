namespace SmartSpot.Tests.Web.Alerts;

/// <summary>The alert tests that share one <see cref="AlertsAppFixture"/> (one app, broker and receiver for all of them).</summary>
[CollectionDefinition(Name)]
public sealed class AlertsAppCollection : ICollectionFixture<AlertsAppFixture>
{
    public const string Name = "Alerts app";
}
