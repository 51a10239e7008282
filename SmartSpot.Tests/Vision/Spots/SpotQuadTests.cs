using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Spots;

public sealed class SpotQuadTests
{
    [Fact]
    public void FromBox_CoversExactlyTheBox()
    {
        var sut = SpotQuad.FromBox(new PixelBox(10, 20, 30, 40));

        Assert.Equal(1200, sut.Area);
        Assert.Equal(new PixelBox(10, 20, 30, 40), sut.Bounds);
        Assert.True(sut.SignedArea > 0, "a box's corners go clockwise on screen");
        Assert.True(sut.IsConvex);
    }

    [Fact]
    public void Bounds_SubPixelCorners_RoundOutwards()
    {
        var sut = new SpotQuad(new(10.4, 20.6), new(30.2, 21), new(29.9, 40.1), new(10, 39.5));

        Assert.Equal(new PixelBox(10, 20, 21, 21), sut.Bounds);
    }

    [Fact]
    public void IsConvex_DentedOrCrossedOrFlat_IsFalse()
    {
        var dented = new SpotQuad(new(0, 0), new(10, 0), new(3, 3), new(0, 10));
        var crossed = new SpotQuad(new(0, 0), new(10, 10), new(10, 0), new(0, 10));
        var flat = new SpotQuad(new(0, 0), new(5, 0), new(10, 0), new(0, 10));

        Assert.False(dented.IsConvex);
        Assert.False(crossed.IsConvex);
        Assert.False(flat.IsConvex);
    }

    [Fact]
    public void Clockwise_CounterClockwiseCorners_AreReversedFromTheSameCorner()
    {
        var counter = new SpotQuad(new(0, 0), new(0, 10), new(10, 10), new(10, 0));

        var sut = counter.Clockwise();

        Assert.Equal(new SpotQuad(new(0, 0), new(10, 0), new(10, 10), new(0, 10)), sut);
        Assert.Equal(100, sut.SignedArea);
    }

    [Fact]
    public void Indexer_WrapsAround()
    {
        var sut = SpotQuad.FromBox(new PixelBox(0, 0, 4, 2));

        Assert.Equal(sut.A, sut[4]);
        Assert.Equal(sut.D, sut[-1]);
    }
}
