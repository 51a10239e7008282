using OpenCvSharp;
using SmartSpot.Vision;
using SmartSpot.Vision.Frames;

namespace SmartSpot.Tests.Vision.Frames;

public sealed class VideoFileFrameSourceTests
{
    private static string WriteCountingClip(int frames, double fps = 10)
    {
        return SyntheticLot.WriteVideo(TestPaths.TempDirectory(), fps,
            Enumerable.Range(0, frames).Select(i => new Mat(new Size(64, 48), MatType.CV_8UC3, new Scalar(i * 8, i * 8, i * 8))));
    }

    [Fact]
    public async Task ReadAsync_EveryFrame_GivesIndexAndTimestamp()
    {
        using var sut = new VideoFileFrameSource(WriteCountingClip(12));

        var frames = new List<(int Index, TimeSpan Time)>();
        await foreach (var frame in sut.ReadAsync(TestContext.Current.CancellationToken))
        {
            using (frame) frames.Add((frame.Index, frame.Timestamp));
        }

        Assert.Equal(new VideoInfo(sut.Info.Source, 64, 48, 10, 12), sut.Info);
        Assert.Equal(Enumerable.Range(0, 12), frames.Select(f => f.Index));
        Assert.Equal(TimeSpan.FromSeconds(0.5), frames[5].Time);
        Assert.False(sut.EndedEarly);
    }

    [Fact]
    public async Task ReadAsync_EveryThird_SkipsTheOthers()
    {
        using var sut = new VideoFileFrameSource(WriteCountingClip(10), new FrameSourceOptions { AnalyzeEvery = 3 });

        var indices = new List<int>();
        await foreach (var frame in sut.ReadAsync(TestContext.Current.CancellationToken))
        {
            using (frame) indices.Add(frame.Index);
        }

        Assert.Equal([0, 3, 6, 9], indices);
    }

    [Fact]
    public async Task ReadAsync_ConsumerStopsEarly_EndsWithoutHanging()
    {
        using var sut = new VideoFileFrameSource(WriteCountingClip(30));

        await foreach (var frame in sut.ReadAsync(TestContext.Current.CancellationToken))
        {
            frame.Dispose();
            break;
        }
    }

    [Fact]
    public void Open_TextFile_SaysItIsNotAVideo()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "notes.mp4");
        File.WriteAllText(path, "these are not the frames you are looking for");

        var error = Assert.Throws<InvalidInputException>(() => new VideoFileFrameSource(path));

        Assert.Contains("not a video", error.Message);
    }

    [Fact]
    public void Open_EmptyFile_SaysEmpty()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "empty.mp4");
        File.WriteAllBytes(path, []);

        var error = Assert.Throws<InvalidInputException>(() => new VideoFileFrameSource(path));

        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Open_MissingFile_SaysItDoesNotExist()
    {
        var error = Assert.Throws<InvalidInputException>(() => new VideoFileFrameSource("/nowhere/lot.mp4"));

        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public async Task ReadAsync_TruncatedSharedVideo_RefusesOrEndsEarly()
    {
        TestPaths.RequireSharedData();
        var bytes = await File.ReadAllBytesAsync(TestPaths.LotA("parking_crop_380x452.mp4"), TestContext.Current.CancellationToken);
        var path = Path.Combine(TestPaths.TempDirectory(), "cut.mp4");
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)], TestContext.Current.CancellationToken);

        try
        {
            using var sut = new VideoFileFrameSource(path);
            var frames = 0;
            await foreach (var frame in sut.ReadAsync(TestContext.Current.CancellationToken))
            {
                frame.Dispose();
                frames++;
            }
            Assert.True(sut.EndedEarly, $"read {frames} of {sut.Info.FrameCount} frames without noticing the cut");
        }
        catch (InvalidInputException error)
        {
            Assert.Contains("truncated", error.Message);
        }
    }
}
