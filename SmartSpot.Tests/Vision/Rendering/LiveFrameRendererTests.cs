using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Vision.Rendering;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Rendering;

public sealed class LiveFrameRendererTests
{
    private static readonly ParkingSpot Taken = new(1, new PixelBox(40, 20, 80, 40), 3200);

    [Fact]
    public void Render_WideFrame_ScalesToMaxWidthAndDrawsTheSpot()
    {
        var sut = new LiveFrameRenderer(new FrameRenderOptions { MaxWidth = 160, JpegQuality = 95 });
        using var captured = Capture(new Size(320, 160));

        var jpeg = sut.Render(captured, [Taken]);

        using var image = Cv2.ImDecode(jpeg, ImreadModes.Color);
        Assert.Equal((160, 80), (image.Width, image.Height));
        var edge = image.At<Vec3b>(10, 40);
        Assert.True(edge.Item2 > edge.Item0 + 20 && edge.Item2 > edge.Item1 + 20, $"the occupied spot's edge is red, not {edge}");
    }

    [Fact]
    public void Render_NarrowFrame_KeepsItsSize()
    {
        var sut = new LiveFrameRenderer(new FrameRenderOptions { MaxWidth = 1280 });
        using var captured = Capture(new Size(320, 160));

        using var image = Cv2.ImDecode(sut.Render(captured, [Taken]), ImreadModes.Color);

        Assert.Equal((320, 160), (image.Width, image.Height));
    }

    [Fact]
    public void Capture_OutlivesThePipelinesFrame()
    {
        CapturedFrame captured;
        using (var picture = SyntheticLot.Frame(new Size(64, 32)))
        using (var frame = YuvFrames.From(picture, 5, TimeSpan.FromSeconds(1)))
        {
            captured = CapturedFrame.Of(new FrameResult(frame, Snapshot(5), [], []));
        }

        using (captured)
        {
            Assert.Equal(5, captured.Index);
            Assert.NotEmpty(new LiveFrameRenderer(new FrameRenderOptions()).Render(captured, [Taken]));
        }
    }

    private static CapturedFrame Capture(Size size)
    {
        using var picture = SyntheticLot.Frame(size);
        using var frame = YuvFrames.From(picture);
        return CapturedFrame.Of(new FrameResult(frame, Snapshot(0), [], []));
    }

    private static OccupancySnapshot Snapshot(int index) =>
        new(index, TimeSpan.Zero, [new SpotState(1, SpotStatus.Occupied, 1, 0, TimeSpan.Zero)], []);
}
