using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Frames;

public sealed class FfmpegOutputHeaderTests
{
    [Theory]
    [InlineData("  Stream #0:0: Video: rawvideo (I420 / 0x30323449), yuv420p, 1280x720 [SAR 1:1 DAR 16:9], q=2-31, 331776 kb/s, 30 fps, 30 tbn", 1280, 720, 30)]
    [InlineData("  Stream #0:0: Video: rawvideo (I420 / 0x30323449), yuv420p(tv, progressive), 320x240, q=2-31, 27648 kb/s, 29.97 fps, 29.97 tbn", 320, 240, 29.97)]
    [InlineData("  Stream #0:0: Video: rawvideo (I420 / 0x30323449), yuv420p, 640x480, q=2-31, 1k fps, 1k tbn", 640, 480, 1000)]
    [InlineData("  Stream #0:0: Video: rawvideo (I420 / 0x30323449), yuv420p, 640x480, q=2-31, 90k tbn", 640, 480, 0)]
    public void Parse_OutputStreamLine_GivesSizeAndRate(string line, int width, int height, double fps)
    {
        Assert.Equal((new PixelSize(width, height), fps), FfmpegOutputHeader.Parse(line));
    }

    [Fact]
    public void Parse_NoLine_GivesNothing()
    {
        Assert.Null(FfmpegOutputHeader.Parse(null));
    }
}
