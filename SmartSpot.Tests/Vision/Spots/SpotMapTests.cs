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
