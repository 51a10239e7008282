using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Spots;

public sealed class HomographyTests
{
    private static readonly PixelPoint[] Square = [new(0, 0), new(1, 0), new(1, 1), new(0, 1)];

    [Fact]
    public void Fit_FourPairs_MapsEachPointToItsPartner()
    {
        PixelPoint[] image = [new(100, 50), new(300, 80), new(280, 200), new(90, 170)];

        var sut = Homography.Fit(Square, image);

        Assert.NotNull(sut);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(image[i].X, sut.Map(Square[i]).X, 6);
            Assert.Equal(image[i].Y, sut.Map(Square[i]).Y, 6);
        }
    }

    [Fact]
    public void Fit_Perspective_KeepsStraightLinesStraight()
    {
        var sut = Homography.Fit(Square, [new(100, 50), new(300, 80), new(280, 200), new(90, 170)])!;

        var (a, b, c) = (sut.Map(new(0, 0)), sut.Map(new(0.37, 0.37)), sut.Map(new(1, 1)));

        Assert.Equal(0, (b - a).Cross(c - a), 6);
    }

    [Fact]
    public void Fit_ThreeImagePointsOnALine_IsNull()
    {
        Assert.Null(Homography.Fit(Square, [new(0, 0), new(10, 0), new(20, 0), new(0, 10)]));
    }
}
