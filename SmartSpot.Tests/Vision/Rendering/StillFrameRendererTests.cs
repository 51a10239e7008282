using OpenCvSharp;
using SmartSpot.Vision;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Rendering;

namespace SmartSpot.Tests.Vision.Rendering;

public sealed class StillFrameRendererTests
{
    private readonly StillFrameRenderer _sut = new(new FrameSourceOptions { AnalyzeEvery = 5 });

    [Fact]
    public async Task RenderAsync_Clip_IsItsFirstFrameAtTheVideosSize()
    {
        var occupied = new Rect(20, 10, 40, 30);
        var video = SyntheticLot.WriteVideo(TestPaths.TempDirectory(), 10,
            Enumerable.Range(0, 10).Select(index => SyntheticLot.Frame(new Size(160, 90), index == 0 ? [occupied] : [])));

        var still = await _sut.RenderAsync(video, TestContext.Current.CancellationToken);

        Assert.Equal((160, 90, 10), (still.Video.Width, still.Video.Height, still.Video.FrameCount));
        using var image = Cv2.ImDecode(still.Jpeg, ImreadModes.Grayscale);
        Assert.Equal(new Size(160, 90), image.Size());
        Assert.True(image.At<byte>(25, 40) > 200, "the car of the first frame is in the still");
        Assert.True(image.At<byte>(70, 120) < 100, "asphalt elsewhere");
    }

    [Fact]
    public async Task RenderAsync_NotAVideo_SaysSo()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "notes.mp4");
        await File.WriteAllTextAsync(path, "not a video", TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<InvalidInputException>(() => _sut.RenderAsync(path, TestContext.Current.CancellationToken));
    }
}
