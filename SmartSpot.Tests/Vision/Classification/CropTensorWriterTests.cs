using OpenCvSharp;
using SmartSpot.Vision.Classification;

namespace SmartSpot.Tests.Vision.Classification;

public sealed class CropTensorWriterTests
{
    [Fact]
    public void Write_ColouredCrop_WritesPlanarBgrRawValues()
    {
        using var sut = new CropTensorWriter(4, 2);
        using var crop = new Mat(new Size(8, 4), MatType.CV_8UC3, new Scalar(10, 20, 30));
        var tensor = new float[sut.CropLength];

        sut.Write(crop, tensor);

        Assert.All(tensor[..8], value => Assert.Equal(10f, value));
        Assert.All(tensor[8..16], value => Assert.Equal(20f, value));
        Assert.All(tensor[16..], value => Assert.Equal(30f, value));
    }

    [Fact]
    public void Write_TallCrop_IsTurnedClockwiseToWide()
    {
        using var sut = new CropTensorWriter(2, 1);
        using var crop = new Mat(new Size(1, 2), MatType.CV_8UC3, Scalar.Black);
        crop.Set(0, 0, new Vec3b(200, 200, 200));
        var tensor = new float[sut.CropLength];

        sut.Write(crop, tensor);

        Assert.Equal([0f, 200f], tensor[..2]);
    }
}
