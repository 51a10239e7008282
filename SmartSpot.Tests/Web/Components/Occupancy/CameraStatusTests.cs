using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartSpot.Vision.Frames;
using SmartSpot.Web.Components.Occupancy;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Tests.Web.Components.Occupancy;

public sealed class CameraStatusTests : MudTestContext
{
    private readonly FakeTimeProvider _time;

    public CameraStatusTests()
        : this(new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)))
    {
    }

    private CameraStatusTests(FakeTimeProvider time)
        : base(context => context.Services.AddSingleton<TimeProvider>(time)) => _time = time;

    private IRenderedComponent<CameraStatus> RenderStatus(StreamHealth health, bool active = true) =>
        Render<CameraStatus>(parameters => parameters.Add(status => status.Health, health).Add(status => status.Active, active));

    [Fact]
    public void Render_Live_ShowsTheFiguresAndNoError()
    {
        var sut = RenderStatus(new StreamHealth(StreamStatus.Live, _time.GetUtcNow().AddSeconds(-75), null, 0, 2250, 12, 29.97));

        Assert.Equal("Live", sut.Find("[data-testid=stream-status]").GetAttribute("data-status"));
        Assert.Equal("for 1m 15s", sut.Find("[data-testid=stream-since]").TextContent);
        Assert.Equal(("2,250", "12", "30.0"), (sut.Find("[data-testid=stream-received]").TextContent, sut.Find("[data-testid=stream-dropped]").TextContent,
            sut.Find("[data-testid=stream-fps]").TextContent));
        Assert.Empty(sut.FindAll("[data-testid=stream-error]"));
    }

    [Fact]
    public void Render_Reconnecting_CountsTheSecondsAndSaysWhy()
    {
        var sut = RenderStatus(new StreamHealth(StreamStatus.Reconnecting, _time.GetUtcNow(), "The stream 'rtsp://***@cam/live' ended: the camera closed the connection.", 1, 900, 0, 0));

        _time.Advance(TimeSpan.FromSeconds(12));

        sut.WaitForAssertion(() => Assert.Equal("for 12s, since the stream dropped", sut.Find("[data-testid=stream-since]").TextContent));
        Assert.Equal("Reconnecting", sut.Find("[data-testid=stream-state]").TextContent.Trim());
        Assert.Contains("the camera closed the connection", sut.Find("[data-testid=stream-error]").TextContent);
        Assert.Equal("1", sut.Find("[data-testid=stream-reconnects]").TextContent);
    }

    [Fact]
    public void Render_SessionEnded_NoCountingAndNoError()
    {
        var sut = RenderStatus(new StreamHealth(StreamStatus.Reconnecting, _time.GetUtcNow(), "gone", 0, 10, 0, 0), active: false);

        Assert.Equal("", sut.Find("[data-testid=stream-since]").TextContent);
        Assert.Empty(sut.FindAll("[data-testid=stream-error]"));
    }
}
