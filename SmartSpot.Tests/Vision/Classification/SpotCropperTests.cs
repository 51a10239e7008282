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
}
