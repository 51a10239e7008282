using OpenCvSharp;
using SmartSpot.Vision.Change;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Change;

public sealed class SpotChangeDetectorTests
{
    private static readonly Size FrameSize = new(200, 100);
    private static readonly ParkingSpot Left = new(1, new PixelBox(10, 10, 60, 30), 1800);
    private static readonly ParkingSpot Right = new(2, new PixelBox(110, 10, 60, 30), 1800);
    private static readonly ParkingSpot[] Spots = [Left, Right];
    private static readonly ChangeOptions NoRefresh = new() { RefreshInterval = 100_000 };

    [Fact]
    public void FindChanged_FirstFrame_ReturnsEverySpot()
    {
        using var sut = new SpotChangeDetector(NoRefresh);
        using var frame = SyntheticLot.Frame(FrameSize);

        Assert.Equal(Spots, sut.FindChanged(frame, Spots));
    }

    [Fact]
    public void FindChanged_SpotUnchanged_ReturnsEmpty()
    {
        using var sut = new SpotChangeDetector(NoRefresh);
        using var frame = SyntheticLot.Frame(FrameSize);
        sut.Remember(sut.FindChanged(frame, Spots));

        Assert.Empty(sut.FindChanged(frame, Spots));
    }

    [Fact]
    public void FindChanged_CarArrives_ReturnsOnlyThatSpot()
    {
        using var sut = new SpotChangeDetector(NoRefresh);
        using var empty = SyntheticLot.Frame(FrameSize);
        using var arrived = SyntheticLot.Frame(FrameSize, Right.Box.ToRect());
        sut.Remember(sut.FindChanged(empty, Spots));

        Assert.Equal([Right], sut.FindChanged(arrived, Spots));
    }

    [Fact]
    public void FindChanged_ChangeNotRemembered_KeepsReportingIt()
    {
        using var sut = new SpotChangeDetector(NoRefresh);
        using var empty = SyntheticLot.Frame(FrameSize);
        using var arrived = SyntheticLot.Frame(FrameSize, Right.Box.ToRect());
        sut.Remember(sut.FindChanged(empty, Spots));
        sut.FindChanged(arrived, Spots);

        Assert.Equal([Right], sut.FindChanged(arrived, Spots));

        sut.Remember([Right]);
        Assert.Empty(sut.FindChanged(arrived, Spots));
    }

    [Fact]
    public void FindChanged_SensorNoise_IsIgnored()
    {
        using var sut = new SpotChangeDetector(NoRefresh);
        using var clean = SyntheticLot.Frame(FrameSize);
        using var noisy = clean.Clone();
        using (var noise = new Mat(FrameSize, MatType.CV_8UC3))
        {
            Cv2.Randu(noise, Scalar.All(0), Scalar.All(6));
            Cv2.Add(noisy, noise, noisy);
        }
        sut.Remember(sut.FindChanged(clean, Spots));

        Assert.Empty(sut.FindChanged(noisy, Spots));
    }

    [Fact]
    public void FindChanged_RefreshInterval_ReclassifiesEachSpotOncePerInterval()
    {
        using var sut = new SpotChangeDetector(new ChangeOptions { RefreshInterval = 2 });
        using var frame = SyntheticLot.Frame(FrameSize);
        sut.Remember(sut.FindChanged(frame, Spots));

        var second = sut.FindChanged(frame, Spots);
        var third = sut.FindChanged(frame, Spots);

        Assert.Equal([Right], second);
        Assert.Equal([Left], third);
    }
}
