using OpenCvSharp;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Spots;

public sealed class SpotMaskPainterTests
{
    private static readonly SpotMapOptions Options = new();

    [Fact]
    public void PaintPng_MaskComponents_ReadBackAsTheSameSpots()
    {
        using var mask = SyntheticLot.Mask(new Size(200, 120), new Rect(10, 10, 30, 50), new Rect(50, 12, 30, 48), new Rect(15, 70, 60, 30));
        var original = SpotMap.FromMask(mask, Options);

        var png = SpotMaskPainter.PaintPng(original.FrameSize, original.Spots.Select(spot => spot.Outline));

        var again = SpotMap.Decode(png, "painted.png", Options);
        Assert.Equal(original.FrameSize, again.FrameSize);
        Assert.Equal(original.Spots, again.Spots);
    }

    [Fact]
    public void PaintPng_SpotsSharingAnEdge_StaySeparateSpots()
    {
        var left = SpotQuad.FromBox(new PixelBox(10, 10, 20, 40));
        var right = SpotQuad.FromBox(new PixelBox(30, 10, 20, 40));

        var again = SpotMap.Decode(SpotMaskPainter.PaintPng(new PixelSize(80, 60), [left, right]), "painted.png", Options);

        Assert.Equal([new PixelBox(10, 10, 19, 40), new PixelBox(30, 10, 20, 40)], again.Spots.Select(spot => spot.Box));
    }

    [Fact]
    public void PaintPng_SlantedOutline_FillsItsArea()
    {
        var slanted = new SpotQuad(new(20, 10), new(60, 20), new(50, 70), new(10, 60));

        var again = SpotMap.Decode(SpotMaskPainter.PaintPng(new PixelSize(80, 80), [slanted]), "painted.png", Options);

        var spot = Assert.Single(again.Spots);
        Assert.InRange(spot.Area, slanted.Area * 0.97, slanted.Area * 1.03);
        Assert.Equal(slanted.Bounds, spot.Box);
    }
}
