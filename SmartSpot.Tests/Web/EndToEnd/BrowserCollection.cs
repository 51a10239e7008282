namespace SmartSpot.Tests.Web.EndToEnd;

/// <summary>The browser tests share one app and one Chromium (starting them is the slow part); they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<SmartSpotAppFixture>
{
    public const string Name = "browser";
}
