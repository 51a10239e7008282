using OpenCvSharp;
using SmartSpot.Vision;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Spots;

public sealed class SpotMapTests
{
    private static readonly SpotMapOptions Options = new();

    [Fact]
    public void FromMask_SpotsTouchingAtACorner_StaySeparate()
    {
        using var mask = SyntheticLot.Mask(new Size(100, 100), new Rect(10, 10, 20, 20), new Rect(30, 30, 20, 20));

        var sut = SpotMap.FromMask(mask, Options);

        Assert.Equal(2, sut.Spots.Count);
    }

    [Fact]
    public void FromMask_AntiAliasedEdges_ThresholdsAtHalfGrey()
    {
        using var sharp = SyntheticLot.Mask(new Size(120, 60), new Rect(10, 10, 40, 20), new Rect(60, 10, 40, 20));
        using var blurred = new Mat();
        Cv2.GaussianBlur(sharp, blurred, new Size(5, 5), 1.5);

        var sut = SpotMap.FromMask(blurred, Options);

        Assert.Equal(2, sut.Spots.Count);
        Assert.All(sut.Spots, spot => Assert.InRange(spot.Box.Width, 39, 41));
    }

    [Fact]
    public void FromMask_Specks_AreDropped()
    {
        using var mask = SyntheticLot.Mask(new Size(100, 100), new Rect(10, 10, 30, 15), new Rect(70, 70, 3, 3));

        var sut = SpotMap.FromMask(mask, Options);

        Assert.Single(sut.Spots);
    }

    [Fact]
    public void FromMask_RowsWithUnevenTops_NumbersTopToBottomThenLeftToRight()
    {
        using var mask = SyntheticLot.Mask(new Size(200, 100),
            new Rect(120, 12, 30, 20), new Rect(10, 10, 30, 20), new Rect(65, 8, 30, 20),
            new Rect(60, 60, 30, 20), new Rect(10, 62, 30, 20));

        var sut = SpotMap.FromMask(mask, Options);

        Assert.Equal([(1, 10, 10), (2, 65, 8), (3, 120, 12), (4, 10, 62), (5, 60, 60)],
            sut.Spots.Select(spot => (spot.Id, spot.Box.X, spot.Box.Y)));
    }

    [Fact]
    public void FromMask_AllBlack_SaysThereAreNoSpots()
    {
        using var mask = SyntheticLot.Mask(new Size(50, 50));

        var error = Assert.Throws<InvalidInputException>(() => SpotMap.FromMask(mask, Options));

        Assert.Contains("no spots", error.Message);
    }

    [Fact]
    public void FitTo_VideoOnePixelSmaller_ScalesBoxesInsideTheFrame()
    {
        using var mask = SyntheticLot.Mask(new Size(381, 453), new Rect(300, 400, 81, 53));
        var sut = SpotMap.FromMask(mask, Options);

        var fitted = sut.FitTo(new PixelSize(380, 452), Options.AspectTolerance);

        var box = Assert.Single(fitted.Spots).Box;
        Assert.Equal(new PixelSize(380, 452), fitted.FrameSize);
        Assert.True(box.Right <= 380 && box.Bottom <= 452, $"box {box} leaves the frame");
        Assert.InRange(box.Width, 79, 81);
    }

    [Fact]
    public void FitTo_HalfSizeVideo_HalvesBoxes()
    {
        using var mask = SyntheticLot.Mask(new Size(400, 200), new Rect(100, 50, 60, 30));

        var fitted = SpotMap.FromMask(mask, Options).FitTo(new PixelSize(200, 100), Options.AspectTolerance);

        Assert.Equal(new PixelBox(50, 25, 30, 15), Assert.Single(fitted.Spots).Box);
    }

    [Fact]
    public void FitTo_DifferentAspect_NamesBothSizes()
    {
        using var mask = SyntheticLot.Mask(new Size(400, 300), new Rect(10, 10, 30, 30));
        var sut = SpotMap.FromMask(mask, Options);

        var error = Assert.Throws<InvalidInputException>(() => sut.FitTo(new PixelSize(1280, 720), Options.AspectTolerance));

        Assert.Contains("400x300", error.Message);
        Assert.Contains("1280x720", error.Message);
    }

    [Fact]
    public void Load_ColourJpegMask_FindsSpots()
    {
        var directory = TestPaths.TempDirectory();
        var path = Path.Combine(directory, "mask.jpg");
        using (var grey = SyntheticLot.Mask(new Size(200, 100), new Rect(10, 10, 50, 30), new Rect(100, 10, 50, 30)))
        using (var colour = new Mat())
        {
            Cv2.CvtColor(grey, colour, ColorConversionCodes.GRAY2BGR);
            Cv2.ImWrite(path, colour);
        }

        var sut = SpotMap.Load(path, Options);

        Assert.Equal(2, sut.Spots.Count);
    }

    [Fact]
    public void Load_HugeDeclaredSize_RefusedBeforeDecoding()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "bomb.png");
        File.WriteAllBytes(path, PngHeaderOnly(30_000, 30_000));

        var error = Assert.Throws<InvalidInputException>(() => SpotMap.Load(path, Options));

        Assert.Contains("30000x30000", error.Message);
    }

    [Fact]
    public void Load_TruncatedPng_SaysTruncated()
    {
        var directory = TestPaths.TempDirectory();
        var path = Path.Combine(directory, "mask.png");
        using (var mask = SyntheticLot.Mask(new Size(200, 100), new Rect(10, 10, 50, 30)))
        {
            Cv2.ImWrite(path, mask);
        }
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<InvalidInputException>(() => SpotMap.Load(path, Options));

        Assert.Contains("truncated", error.Message);
    }

    [Theory]
    [InlineData("not an image at all")]
    [InlineData("")]
    public void Load_NotAnImage_SaysWhatToUse(string content)
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "mask.png");
        File.WriteAllText(path, content);

        var error = Assert.Throws<InvalidInputException>(() => SpotMap.Load(path, Options));

        Assert.Contains("mask", error.Message);
    }

    [Fact]
    public void Load_SharedLotACropMask_Finds14Spots()
    {
        TestPaths.RequireSharedData();

        var sut = SpotMap.Load(TestPaths.LotA("mask_crop_381x453.png"), Options);

        Assert.Equal(14, sut.Spots.Count);
    }

    [Fact]
    public void FromShapes_DrawnOutlines_AreSpotsInIdOrderWithTheirBoundsAndArea()
    {
        var slanted = new SpotQuad(new(60, 10), new(90, 14), new(88, 50.5), new(58, 46));
        var box = SpotQuad.FromBox(new PixelBox(10, 10, 30, 40));

        var sut = SpotMap.FromShapes(new PixelSize(120, 80), [new SpotShape(7, slanted), new SpotShape(2, box)]);

        Assert.Equal([2, 7], sut.Spots.Select(spot => spot.Id));
        Assert.Equal(new ParkingSpot(2, new PixelBox(10, 10, 30, 40), 1200, box), sut.Spots[0]);
        Assert.Equal(new PixelBox(58, 10, 32, 41), sut.Spots[1].Box);
        Assert.Equal((int)Math.Round(slanted.Area), sut.Spots[1].Area);
        Assert.Equal(slanted, sut.Spots[1].Outline);
    }

    [Fact]
    public void FromShapes_OutlineOverTheFrameEdge_BoxIsClippedToTheFrame()
    {
        var sut = SpotMap.FromShapes(new PixelSize(100, 50), [new SpotShape(1, SpotQuad.FromBox(new PixelBox(80, 30, 40, 40)))]);

        Assert.Equal(new PixelBox(80, 30, 20, 20), Assert.Single(sut.Spots).Box);
    }

    [Theory]
    [InlineData(3, 3, "used twice")]
    [InlineData(0, 1, "not positive")]
    public void FromShapes_BadIds_SaysWhichId(int firstId, int secondId, string expected)
    {
        var quad = SpotQuad.FromBox(new PixelBox(10, 10, 10, 10));

        var error = Assert.Throws<InvalidInputException>(() =>
            SpotMap.FromShapes(new PixelSize(100, 50), [new SpotShape(firstId, quad), new SpotShape(secondId, quad.Translate(new(20, 0)))]));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void FromShapes_OutlineOutsideTheFrame_SaysSo()
    {
        var error = Assert.Throws<InvalidInputException>(() =>
            SpotMap.FromShapes(new PixelSize(100, 50), [new SpotShape(4, SpotQuad.FromBox(new PixelBox(200, 10, 10, 10)))]));

        Assert.Contains("Spot 4", error.Message);
        Assert.Contains("outside the 100x50 frame", error.Message);
    }

    [Fact]
    public void FromShapes_CrossedOutline_IsRefused()
    {
        var crossed = new SpotQuad(new(0, 0), new(10, 10), new(10, 0), new(0, 10));

        var error = Assert.Throws<InvalidInputException>(() => SpotMap.FromShapes(new PixelSize(100, 50), [new SpotShape(1, crossed)]));

        Assert.Contains("not a convex", error.Message);
    }

    [Fact]
    public void FromShapes_None_SaysToDrawSpots()
    {
        var error = Assert.Throws<InvalidInputException>(() => SpotMap.FromShapes(new PixelSize(100, 50), []));

        Assert.Contains("spot editor", error.Message);
    }

    [Fact]
    public void FitTo_DrawnOutline_ScalesItsCornersWithItsBox()
    {
        var quad = new SpotQuad(new(10, 10), new(30, 12), new(28, 40), new(9, 38));
        var sut = SpotMap.FromShapes(new PixelSize(100, 50), [new SpotShape(1, quad)]);

        var fitted = sut.FitTo(new PixelSize(200, 100), 0.02);

        var spot = Assert.Single(fitted.Spots);
        Assert.Equal(quad.Scale(2, 2), spot.Quad);
        Assert.Equal(new PixelBox(18, 20, 42, 60), spot.Box);
    }

    [Fact]
    public void Decode_MaskBytes_FindsTheSameSpotsAsLoad()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "mask.png");
        using (var mask = SyntheticLot.Mask(new Size(120, 60), new Rect(10, 10, 40, 20), new Rect(60, 10, 40, 20)))
        {
            Cv2.ImWrite(path, mask);
        }

        var sut = SpotMap.Decode(File.ReadAllBytes(path), "mask.png", Options);

        Assert.Equal(SpotMap.Load(path, Options).Spots, sut.Spots);
    }

    [Fact]
    public void Decode_NotAnImage_NamesTheFile()
    {
        var error = Assert.Throws<InvalidInputException>(() => SpotMap.Decode("hello"u8.ToArray(), "notes.png", Options));

        Assert.Contains("'notes.png' is not a PNG, JPEG or BMP", error.Message);
    }

    /// <summary>A PNG signature, an IHDR declaring the size, and an IEND: enough for the header check.</summary>
    private static byte[] PngHeaderOnly(int width, int height)
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        var ihdr = new byte[25];
        ihdr[3] = 13;
        "IHDR"u8.CopyTo(ihdr.AsSpan(4));
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(8), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(12), height);
        ihdr[16] = 1;
        byte[] iend = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];
        return [.. signature, .. ihdr, .. iend];
    }
}
