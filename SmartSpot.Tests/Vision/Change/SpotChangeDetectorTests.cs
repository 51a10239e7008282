using OpenCvSharp;
using SmartSpot.Vision.Change;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Change;

public sealed class SpotChangeDetectorTests
{
    private static readonly Size FrameSize = new(200, 100);
    private static readonly ParkingSpot Left = new(1, new PixelBox(10, 10, 60, 30), 1800);
    private static readonly ParkingSpot Right = new(2, new PixelBox(110, 10, 60, 30), 1800);
    private static readonly ParkingSpot[] Spots = [Left, Right];
    private static readonly ChangeOptions NoRefresh = new() { RefreshInterval = 100_000 };

    private static Frame Lot(params Rect[] occupied)
    {
        using var picture = SyntheticLot.Frame(FrameSize, occupied);
        return YuvFrames.From(picture);
    }

    /// <summary>A grey frame, with <paramref name="white"/> painted white.</summary>
    private static Frame Grey(int level, params Rect[] white)
    {
        using var picture = new Mat(FrameSize, MatType.CV_8UC3, Scalar.All(level));
        foreach (var box in white) Cv2.Rectangle(picture, box, Scalar.White, -1);
        return YuvFrames.From(picture);
    }

    [Fact]
    public void FindChanged_FirstFrame_ReturnsEverySpot()
    {
        var sut = new SpotChangeDetector(NoRefresh);
        using var frame = Lot();

        Assert.Equal(Spots, sut.FindChanged(frame, Spots));
    }

    [Fact]
    public void FindChanged_SpotUnchanged_ReturnsEmpty()
    {
        var sut = new SpotChangeDetector(NoRefresh);
        using var frame = Lot();
        sut.Remember(frame, sut.FindChanged(frame, Spots));

        Assert.Empty(sut.FindChanged(frame, Spots));
    }

    [Fact]
    public void FindChanged_CarArrives_ReturnsOnlyThatSpot()
    {
        var sut = new SpotChangeDetector(NoRefresh);
        using var empty = Lot();
        using var arrived = Lot(Right.Box.ToRect());
        sut.Remember(empty, sut.FindChanged(empty, Spots));

        Assert.Equal([Right], sut.FindChanged(arrived, Spots));
    }

    [Fact]
    public void FindChanged_CarOutsideEverySpot_ReturnsEmpty()
    {
        var sut = new SpotChangeDetector(NoRefresh);
        using var empty = Lot();
        using var passing = Lot(new Rect(75, 50, 30, 40));
        sut.Remember(empty, sut.FindChanged(empty, Spots));

        Assert.Empty(sut.FindChanged(passing, Spots));
    }

    [Fact]
    public void FindChanged_ChangeNotRemembered_KeepsReportingIt()
    {
        var sut = new SpotChangeDetector(NoRefresh);
        using var empty = Lot();
        using var arrived = Lot(Right.Box.ToRect());
        sut.Remember(empty, sut.FindChanged(empty, Spots));
        sut.FindChanged(arrived, Spots);

        Assert.Equal([Right], sut.FindChanged(arrived, Spots));

        sut.Remember(arrived, [Right]);
        Assert.Empty(sut.FindChanged(arrived, Spots));
    }

    [Fact]
    public void FindChanged_SensorNoise_IsIgnored()
    {
        var sut = new SpotChangeDetector(NoRefresh);
        using var clean = SyntheticLot.Frame(FrameSize);
        using var noisy = clean.Clone();
        using (var noise = new Mat(FrameSize, MatType.CV_8UC3))
        {
            Cv2.Randu(noise, Scalar.All(0), Scalar.All(6));
            Cv2.Add(noisy, noise, noisy);
        }
        using var cleanFrame = YuvFrames.From(clean);
        using var noisyFrame = YuvFrames.From(noisy);
        sut.Remember(cleanFrame, sut.FindChanged(cleanFrame, Spots));

        Assert.Empty(sut.FindChanged(noisyFrame, Spots));
    }

    [Fact]
    public void FindChanged_GreyStepOfTheThreshold_CountsInGreyLevels()
    {
        var sut = new SpotChangeDetector(NoRefresh with { Threshold = 10 });
        using var dark = Grey(100);
        using var slightlyBrighter = Grey(108);
        using var brighter = Grey(112);
        sut.Remember(dark, sut.FindChanged(dark, Spots));

        Assert.Empty(sut.FindChanged(slightlyBrighter, Spots));
        Assert.Equal(Spots, sut.FindChanged(brighter, Spots));
    }

    [Fact]
    public void FindChanged_RefreshInterval_ReclassifiesEachSpotOncePerInterval()
    {
        var sut = new SpotChangeDetector(new ChangeOptions { RefreshInterval = 2 });
        using var frame = Lot();
        sut.Remember(frame, sut.FindChanged(frame, Spots));

        var second = sut.FindChanged(frame, Spots);
        var third = sut.FindChanged(frame, Spots);

        Assert.Equal([Right], second);
        Assert.Equal([Left], third);
    }

    [Fact]
    public void FindChanged_SlantedSpot_WatchesOnlyThePixelsInsideItsOutline()
    {
        // A diamond in its 80x80 box: the box's corners are outside the spot.
        var diamond = new SpotQuad(new(100, 10), new(140, 50), new(100, 90), new(60, 50));
        var spot = new ParkingSpot(1, diamond.Bounds, (int)diamond.Area, diamond);
        var asBox = new ParkingSpot(2, diamond.Bounds, diamond.Bounds.Area);
        var sut = new SpotChangeDetector(NoRefresh);
        using var before = Grey(100);
        sut.Remember(before, sut.FindChanged(before, [spot, asBox]));
        using var cornersPainted = Grey(100, [new(60, 10, 15, 15), new(125, 10, 15, 15), new(60, 75, 15, 15), new(125, 75, 15, 15)]);
        using var middlePainted = Grey(100, [new(92, 42, 16, 16)]);

        Assert.Equal([asBox], sut.FindChanged(cornersPainted, [spot, asBox]));
        // The same 256 changed pixels are 8 % of the diamond but 4 % of its box: only the diamond counts them as a change.
        Assert.Equal([spot], sut.FindChanged(middlePainted, [spot, asBox]));
    }
}
