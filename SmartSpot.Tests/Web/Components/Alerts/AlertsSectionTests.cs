using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SmartSpot.Alerts;
using SmartSpot.Alerts.Delivery;
using SmartSpot.Web.Alerts;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Components.Alerts;
using SmartSpot.Web.Lots;
using SmartSpot.Tests.Web.Alerts;

namespace SmartSpot.Tests.Web.Components.Alerts;

/// <summary>The section on the services of the shared alerts app (its database, rules and delivery log).</summary>
[Collection(AlertsAppCollection.Name)]
public sealed class AlertsSectionTests : MudTestContext
{
    private readonly AlertsAppFixture _fixture;

    public AlertsSectionTests(AlertsAppFixture fixture) : base(context =>
    {
        var app = fixture.App.Services;
        context.Services.AddSingleton(app.GetRequiredService<LotAlertRules>());
        context.Services.AddSingleton(app.GetRequiredService<DeliveryLog>());
        context.Services.AddSingleton(app.GetRequiredService<AlertService>());
        context.Services.AddSingleton(app.GetRequiredService<AlertOptions>());
        context.AddAuthorization().SetAuthorized("maria").SetPolicies(UserRoles.Operator);
    })
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task AddAndDelete_ZoneRule_ListsItThenRemovesIt()
    {
        var lot = await LotAsync();
        var cut = Render<AlertsSection>(parameters => parameters.Add(p => p.Lot, lot));
        Assert.Contains("No rules yet", cut.Markup);

        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<string>>()[1].Instance.SelectOption(AlertsAppFixture.RowAZoneId.ToString()));
        cut.FindComponent<MudNumericField<int?>>().Find("input").Change("1");
        cut.Find("[data-testid=alerts-add-button]").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            ["Row A", "free at or below 1"], cut.Find("[data-testid=alerts-rule]").QuerySelectorAll("td").Take(2).Select(cell => cell.TextContent.Trim())));
        var rules = _fixture.App.Services.GetRequiredService<LotAlertRules>();
        var stored = Assert.Single((await rules.ListAsync(lot.Id, Xunit.TestContext.Current.CancellationToken))!);
        Assert.Equal(AlertsAppFixture.RowAZoneId, stored.ZoneId);

        cut.Find("[data-testid=alerts-delete]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=alerts-rule]")));
        Assert.Empty((await rules.ListAsync(lot.Id, Xunit.TestContext.Current.CancellationToken))!);
    }

    [Fact]
    public async Task Render_TimedKindWithoutMinutes_ShowsTheRefusal()
    {
        var lot = await LotAsync();
        var cut = Render<AlertsSection>(parameters => parameters.Add(p => p.Lot, lot));

        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<string>>()[0].Instance.SelectOption("Overstay"));
        cut.FindComponent<MudNumericField<int?>>().Find("input").Change("");
        cut.Find("[data-testid=alerts-add-button]").Click();

        cut.WaitForAssertion(() => Assert.Contains("needs a \"durationSeconds\"", cut.Find("[data-testid=alerts-error]").TextContent));
    }

    [Fact]
    public async Task Render_DeliveriesOnAndALoggedFailure_ShowsStatusAndTheLogLive()
    {
        var lot = await LotAsync();
        var cut = Render<AlertsSection>(parameters => parameters.Add(p => p.Lot, lot));
        Assert.Contains("on, to 127.0.0.1", cut.Find("[data-testid=alerts-webhook]").TextContent);
        Assert.Contains($"127.0.0.1:{_fixture.Broker.Port}", cut.Find("[data-testid=alerts-mqtt]").TextContent);

        _fixture.App.Services.GetRequiredService<DeliveryLog>().Add(
            new DeliveryLogEntry(DateTimeOffset.UtcNow, "webhook", DeliveryOutcome.GaveUp, Guid.NewGuid(), 6, 503, "the receiver answered 503 Service Unavailable"));

        cut.WaitForAssertion(() => Assert.Contains("gave up after 6 attempts", cut.Find("[data-testid=alerts-log-entry]").TextContent));
        Assert.Contains("HTTP 503", cut.Find("[data-testid=alerts-log-entry]").TextContent);
    }

    private async Task<Lot> LotAsync()
    {
        var id = await _fixture.CreateLotAsync("Section lot");
        return (await _fixture.App.Services.GetRequiredService<LotRepository>().GetAsync(id, Xunit.TestContext.Current.CancellationToken))!;
    }
}
