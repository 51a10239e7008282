using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Spots;

public sealed class SpotOverlapTests
{
    [Fact]
    public void Area_SpotsApart_IsZero()
    {
        Assert.Equal(0, SpotOverlap.Area(Box(0, 0, 10, 10), Box(20, 0, 10, 10)));
    }

    [Fact]
    public void Area_SpotsSharingAnEdge_IsZero()
    {
        Assert.Equal(0, SpotOverlap.Area(Box(0, 0, 10, 10), Box(10, 0, 10, 10)), 9);
    }

    [Fact]
    public void Area_BoxesOverlappingByAStrip_IsTheStrip()
    {
        Assert.Equal(30, SpotOverlap.Area(Box(0, 0, 10, 10), Box(7, 0, 10, 10)), 9);
    }

    [Fact]
    public void Area_DiamondOverSquare_IsTheirCommonOctagon()
    {
        var square = Box(0, 0, 2, 2);
        var diamond = new SpotQuad(new(1, -0.5), new(2.5, 1), new(1, 2.5), new(-0.5, 1));

        // The diamond covers the square except four corner triangles with legs of 0.5.
        Assert.Equal(4 - 4 * 0.125, SpotOverlap.Area(square, diamond), 9);
        Assert.Equal(SpotOverlap.Area(square, diamond), SpotOverlap.Area(diamond, square), 9);
    }

    [Fact]
    public void Area_CornerOrderOfEitherSpot_DoesNotMatter()
    {
        var counter = new SpotQuad(new(7, 0), new(7, 10), new(17, 10), new(17, 0));

        Assert.Equal(30, SpotOverlap.Area(Box(0, 0, 10, 10), counter), 9);
    }

    [Fact]
    public void Area_SpotInsideAnother_IsTheSmallerSpot()
    {
        Assert.Equal(16, SpotOverlap.Area(Box(0, 0, 10, 10), Box(3, 3, 4, 4)), 9);
    }

    private static SpotQuad Box(int x, int y, int width, int height) => SpotQuad.FromBox(new PixelBox(x, y, width, height));
}
