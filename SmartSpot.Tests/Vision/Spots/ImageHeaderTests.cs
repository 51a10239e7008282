using OpenCvSharp;
using SmartSpot.Vision;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Spots;

public sealed class ImageHeaderTests
{
    [Theory]
    [InlineData(".png", "PNG")]
    [InlineData(".jpg", "JPEG")]
    [InlineData(".bmp", "BMP")]
    public void Read_EncodedImage_GivesItsSize(string extension, string format)
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "image" + extension);
        using (var image = new Mat(new Size(321, 123), MatType.CV_8UC3, Scalar.Gray))
        {
            Cv2.ImWrite(path, image);
        }

        var sut = ImageHeader.Read(path);

        Assert.Equal(new ImageHeader(format, 321, 123), sut);
    }

    [Fact]
    public void Read_JpegCutShort_SaysTruncated()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "image.jpg");
        using (var image = new Mat(new Size(200, 200), MatType.CV_8UC3, Scalar.Gray))
        {
            Cv2.ImWrite(path, image);
        }
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^40]);

        var error = Assert.Throws<InvalidInputException>(() => ImageHeader.Read(path));

        Assert.Contains("truncated", error.Message);
    }
}
