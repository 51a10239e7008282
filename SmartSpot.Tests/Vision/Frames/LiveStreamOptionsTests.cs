using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Frames;

public sealed class LiveStreamOptionsTests
{
    private static int Yuv420p(int width, int height) => Frame.LengthOf(new PixelSize(width, height), FramePixelFormat.Yuv420p);

    [Fact]
    public void BufferFrames_Default_HoldsAboutASecondOf720p()
    {
        Assert.Equal(30, new LiveStreamOptions().BufferFrames(Yuv420p(1280, 720), minimum: 2));
    }

    [Fact]
    public void BufferFrames_HugeFrames_KeepsTheMinimum()
    {
        Assert.Equal(2, new LiveStreamOptions().BufferFrames(Yuv420p(7680, 4320), minimum: 2));
    }

    [Fact]
    public void BufferFrames_TinyFrames_StopsAt300()
    {
        Assert.Equal(300, new LiveStreamOptions { BufferMegabytes = 1024 }.BufferFrames(Yuv420p(160, 120), minimum: 2));
    }
}
