using System.Runtime.InteropServices;
using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Rendering;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Classification;

public sealed class SpotCropperTests
{
    private static readonly ParkingSpot[] Spots =
    [
        new(1, new PixelBox(3, 5, 21, 9), 189),   // odd edges: the chroma rectangle is widened, then cut back
        new(2, new PixelBox(40, 2, 7, 30), 210),  // taller than wide: turned
        new(3, new PixelBox(0, 0, 64, 48), 3072), // the whole frame
    ];

    private static Mat Noise()
    {
        var picture = new Mat(new Size(64, 48), MatType.CV_8UC3);
        Cv2.Randu(picture, Scalar.All(0), Scalar.All(256));
        Cv2.GaussianBlur(picture, picture, new Size(5, 5), 0);
        return picture;
    }

    [Fact]
    public void Write_YuvFrame_GivesTheCropsOfTheWholeFrameConvertedToBgr()
    {
        using var picture = Noise();
        using var frame = YuvFrames.From(picture);
        using var sut = new SpotCropper();
        var crops = sut.Write(frame, Spots, 16, 8).ToArray();

        using var whole = BgrFrameConverter.ToBgr(frame);
        using var writer = new CropTensorWriter(16, 8);
        var expected = new float[crops.Length];
        for (var index = 0; index < Spots.Length; index++)
        {
            using var crop = new Mat(whole, Spots[index].Box.ToRect());
            writer.Write(crop, expected.AsSpan(index * writer.CropLength, writer.CropLength));
        }

        Assert.Equal(expected, crops);
    }

    [Fact]
    public void Write_BgrFrame_CutsTheBoxesAsTheModelContractSays()
    {
        using var picture = Noise();
        using var frame = Frame.FromBgr(picture);
        using var sut = new SpotCropper();
        var crops = sut.Write(frame, [Spots[0]], 16, 8).ToArray();

        using var crop = new Mat(picture, Spots[0].Box.ToRect());
        using var writer = new CropTensorWriter(16, 8);
        var expected = new float[crops.Length];
        writer.Write(crop, expected);
        Assert.Equal(expected, crops);
    }

    [Fact]
    public void Write_FrameAfterFrame_ReusesOneTensorBuffer()
    {
        using var picture = Noise();
        using var frame = YuvFrames.From(picture);
        using var sut = new SpotCropper();

        var first = sut.Write(frame, Spots, 16, 8);
        var second = sut.Write(frame, [Spots[0]], 16, 8);

        Assert.True(MemoryMarshal.TryGetArray<float>(first, out var firstArray));
        Assert.True(MemoryMarshal.TryGetArray<float>(second, out var secondArray));
        Assert.Same(firstArray.Array, secondArray.Array);
        Assert.Equal(3 * 16 * 8, second.Length);
    }

    // A slanted bay: its half along A-B painted blue, its half along D-C green, black around it.
    private static readonly SpotQuad Slanted = new(new(60, 20), new(140, 40), new(130, 80), new(50, 60));

    private static Frame DrawnFrame()
    {
        using var picture = new Mat(new Size(200, 120), MatType.CV_8UC3, Scalar.Black);
        var (a, b, c, d) = (Slanted.A, Slanted.B, Slanted.C, Slanted.D);
        var (midLeft, midRight) = ((a + d) * 0.5, (b + c) * 0.5);
        Cv2.FillConvexPoly(picture, Points(a, b, midRight, midLeft), new Scalar(255, 0, 0));
        Cv2.FillConvexPoly(picture, Points(midLeft, midRight, c, d), new Scalar(0, 255, 0));
        return Frame.FromBgr(picture);
    }

    [Fact]
    public void Write_SlantedSpot_WarpsItsQuadUprightWithCornerAAtTheTopLeft()
    {
        using var frame = DrawnFrame();
        using var sut = new SpotCropper();
        var spot = new ParkingSpot(1, Slanted.Bounds, (int)Slanted.Area, Slanted);

        var crop = Planes(sut.Write(frame, [spot], 32, 16), 32, 16);

        // Inside the bay only: the top half blue, the bottom half green, no black from the box's corners.
        Assert.All(Pixels(rows: 1..6, columns: 1..31), p => Assert.True(crop[0][p.Row, p.Column] > 200 && crop[1][p.Row, p.Column] < 50, $"top {p}: B {crop[0][p.Row, p.Column]} G {crop[1][p.Row, p.Column]}"));
        Assert.All(Pixels(rows: 10..15, columns: 1..31), p => Assert.True(crop[1][p.Row, p.Column] > 200 && crop[0][p.Row, p.Column] < 50, $"bottom {p}: B {crop[0][p.Row, p.Column]} G {crop[1][p.Row, p.Column]}"));
    }

    [Fact]
    public void Write_SameSpotAsItsBox_HasTheBlackCornersTheWarpLeavesOut()
    {
        using var frame = DrawnFrame();
        using var sut = new SpotCropper();
        var box = new ParkingSpot(1, Slanted.Bounds, (int)Slanted.Area);

        var crop = Planes(sut.Write(frame, [box], 32, 16), 32, 16);

        Assert.True(crop[0][1, 30] + crop[1][1, 30] < 60, "the box's top-right corner is outside the bay: black");
        Assert.True(box.FillsBox);
        Assert.False(new ParkingSpot(1, Slanted.Bounds, 1, Slanted).FillsBox);
        Assert.True(new ParkingSpot(1, new PixelBox(10, 10, 40, 20), 800, SpotQuad.FromBox(new PixelBox(10, 10, 40, 20))).FillsBox);
    }

    private static Point[] Points(params PixelPoint[] corners) => [.. corners.Select(corner => new Point((int)Math.Round(corner.X), (int)Math.Round(corner.Y)))];

    private static IEnumerable<(int Row, int Column)> Pixels(System.Range rows, System.Range columns) =>
        from row in Enumerable.Range(rows.Start.Value, rows.End.Value - rows.Start.Value)
        from column in Enumerable.Range(columns.Start.Value, columns.End.Value - columns.Start.Value)
        select (row, column);

    /// <summary>The one crop's B, G and R planes as [row, column] arrays.</summary>
    private static float[][,] Planes(Memory<float> tensor, int width, int height)
    {
        var span = tensor.Span;
        var planes = new float[3][,];
        for (var plane = 0; plane < 3; plane++)
        {
            planes[plane] = new float[height, width];
            for (var row = 0; row < height; row++)
            {
                for (var column = 0; column < width; column++) planes[plane][row, column] = span[(plane * height + row) * width + column];
            }
        }
        return planes;
    }
}
