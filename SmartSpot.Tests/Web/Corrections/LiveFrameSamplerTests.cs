using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OpenCvSharp;
using SmartSpot.Vision;
using SmartSpot.Vision.Calibration;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Corrections;

namespace SmartSpot.Tests.Web.Corrections;

/// <summary>A live camera's sampler fed drawn frames on a fake clock: what it keeps, what a capture gets, how a capture ends without a frame.</summary>
public sealed class LiveFrameSamplerTests
{
    private static readonly Size FrameSize = new(240, 120);

    private static readonly ParkingSpot[] Spots = [new(1, new PixelBox(10, 30, 40, 60), 2400), new(2, new PixelBox(70, 30, 40, 60), 2400)];

    private static readonly CorrectionOptions Options = new() { CheckFrames = 2, LiveSampleMinutes = 20, CaptureTimeoutSeconds = 10 };

    private readonly FakeTimeProvider _time = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private LiveFrameSampler Sut() =>
        new(new SpotSampler(new BrightnessClassifier(), new FrameSourceOptions()), Spots, Options, _time, NullLogger.Instance);

    private static void Feed(LiveFrameSampler sut, int index)
    {
        using var picture = SyntheticLot.Frame(FrameSize, []);
        using var frame = Frame.FromBgr(picture, index, TimeSpan.FromSeconds(index));
        sut.Observe(frame);
    }

    [Fact]
    public void Observe_OverHours_KeepsTheFirstFrameAndOneEveryIntervalTheNewestCheckFramesOnly()
    {
        using var sut = Sut();

        for (var minute = 0; minute <= 70; minute++)
        {
            Feed(sut, minute);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        // Kept at minutes 0, 20, 40 and 60; only the newest two stay.
        Assert.Equal([40, 60], sut.Kept.Select(frame => frame.Index));
        Assert.All(sut.Kept, frame => Assert.Equal([1, 2], frame.Spots.Select(spot => spot.SpotId)));
    }

    [Fact]
    public async Task CaptureAsync_GetsTheNextFrameWithEverySpotAndItStaysLabellable()
    {
        using var sut = Sut();
        Feed(sut, 0);

        var capture = sut.CaptureAsync(Cancel);
        Assert.False(capture.IsCompleted);
        Feed(sut, 1);
        var captured = await capture;

        Assert.Equal(1, captured.Index);
        Assert.Equal([1, 2], captured.Spots.Select(spot => spot.SpotId));
        Assert.NotEmpty(captured.Jpeg);
        Assert.Equal([0, 1], sut.Labellable.Select(frame => frame.Index));
        Assert.Equal([0], sut.Kept.Select(frame => frame.Index));
    }

    [Fact]
    public async Task CaptureAsync_NoFrameWithinTheTimeout_SaysTheCameraSentNone()
    {
        using var sut = Sut();

        var capture = sut.CaptureAsync(Cancel);
        _time.Advance(TimeSpan.FromSeconds(11));

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => capture);
        Assert.Contains("The camera sent no frame for 10 s", refused.Message);
    }

    [Fact]
    public async Task Dispose_WhileACaptureWaits_SaysTheAnalysisEndedAndLaterCapturesAreRefused()
    {
        var sut = Sut();
        Feed(sut, 0);
        var capture = sut.CaptureAsync(Cancel);

        sut.Dispose();

        Assert.Contains("has ended", (await Assert.ThrowsAsync<InvalidInputException>(() => capture)).Message);
        Assert.Contains("has ended", (await Assert.ThrowsAsync<InvalidInputException>(() => sut.CaptureAsync(Cancel))).Message);
        Assert.Empty(sut.Kept);
    }
}
