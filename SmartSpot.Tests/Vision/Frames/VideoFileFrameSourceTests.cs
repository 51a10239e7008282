using SmartSpot.Vision;
using SmartSpot.Vision.Frames;

namespace SmartSpot.Tests.Vision.Frames;

public sealed class VideoFileFrameSourceTests
{
    private static async Task<List<(int Index, TimeSpan Time, double Luma)>> ReadAllAsync(VideoFileFrameSource sut)
    {
        var frames = new List<(int, TimeSpan, double)>();
        await foreach (var frame in sut.ReadAsync(TestContext.Current.CancellationToken))
        {
            using (frame) frames.Add((frame.Index, frame.Timestamp, MeanLuma(frame)));
        }
        return frames;
    }

    private static double MeanLuma(Frame frame)
    {
        long sum = 0;
        foreach (var value in frame.Luma) sum += value;
        return sum / (double)frame.Luma.Length;
    }

    /// <summary>The grey level <see cref="TestVideos.Counting"/> drew, as limited-range video luma.</summary>
    private static double LumaOf(int index) => 16 + TestVideos.GreyOf(index) * 219 / 255.0;

    private static void AssertNothingLeft(VideoFileFrameSource sut)
    {
        Assert.Equal(0, sut.BuffersInUse);
        Assert.NotEmpty(sut.ProcessIds);
        Assert.All(sut.ProcessIds, id => Assert.True(ProcessTable.IsGone(id), $"ffmpeg {id} is still in the process table"));
    }

    [Fact]
    public async Task ReadAsync_EveryFrame_GivesIndexTimestampAndPictureInOrder()
    {
        using var sut = new VideoFileFrameSource(TestVideos.Counting(12));

        var frames = await ReadAllAsync(sut);

        Assert.Equal(new VideoInfo(sut.Info.Source, 64, 48, 10, 12), sut.Info);
        Assert.Equal(Enumerable.Range(0, 12), frames.Select(f => f.Index));
        Assert.Equal(TimeSpan.FromSeconds(0.5), frames[5].Time);
        Assert.All(frames, f => Assert.InRange(f.Luma, LumaOf(f.Index) - 3, LumaOf(f.Index) + 3));
        Assert.False(sut.EndedEarly);
        AssertNothingLeft(sut);
    }

    [Fact]
    public async Task At_ChosenFrames_YieldsOnlyThoseWithTheirOwnPicturesAndEndsItsFfmpeg()
    {
        using var sut = VideoFileFrameSource.At(TestVideos.Counting(20), [17, 2, 9]);

        var frames = await ReadAllAsync(sut);

        Assert.Equal([2, 9, 17], frames.Select(f => f.Index));
        Assert.Equal(TimeSpan.FromSeconds(1.7), frames[^1].Time);
        Assert.All(frames, f => Assert.InRange(f.Luma, LumaOf(f.Index) - 3, LumaOf(f.Index) + 3));
        Assert.False(sut.EndedEarly);
        AssertNothingLeft(sut);
    }

    [Fact]
    public async Task ReadAsync_EveryThird_YieldsOnlyThoseFramesWithTheirOwnPictures()
    {
        using var sut = new VideoFileFrameSource(TestVideos.Counting(10), new FrameSourceOptions { AnalyzeEvery = 3 });

        var frames = await ReadAllAsync(sut);

        Assert.Equal([0, 3, 6, 9], frames.Select(f => f.Index));
        Assert.Equal(TimeSpan.FromSeconds(0.9), frames[^1].Time);
        Assert.All(frames, f => Assert.InRange(f.Luma, LumaOf(f.Index) - 3, LumaOf(f.Index) + 3));
        Assert.False(sut.EndedEarly);
    }

    [Fact]
    public async Task ReadAsync_OddSizedVideo_DropsTheOddColumnAndRow()
    {
        using var sut = new VideoFileFrameSource(TestVideos.Counting(3, width: 65, height: 49));

        var frames = await ReadAllAsync(sut);

        Assert.Equal((64, 48), (sut.Info.Width, sut.Info.Height));
        Assert.Equal(3, frames.Count);
    }

    [Fact]
    public async Task ReadAsync_ConsumerStopsEarly_EndsTheProcessAndReturnsEveryBuffer()
    {
        using var sut = new VideoFileFrameSource(TestVideos.Lavfi("long.mp4", "320x240", seconds: 20));

        await foreach (var frame in sut.ReadAsync(TestContext.Current.CancellationToken))
        {
            frame.Dispose();
            break;
        }

        AssertNothingLeft(sut);
    }

    [Fact]
    public async Task ReadAsync_CancelledMidStream_ThrowsCancelledAndLeavesNothingBehind()
    {
        using var sut = new VideoFileFrameSource(TestVideos.Lavfi("long.mp4", "320x240", seconds: 20));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var frame in sut.ReadAsync(cancel.Token))
            {
                frame.Dispose();
                if (++read == 5) await cancel.CancelAsync();
            }
        });

        Assert.Equal(5, read);
        AssertNothingLeft(sut);
    }

    [Fact]
    public async Task ReadAsync_ConsumerThrows_LeavesNothingBehind()
    {
        using var sut = new VideoFileFrameSource(TestVideos.Lavfi("long.mp4", "320x240", seconds: 20));

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var frame in sut.ReadAsync(TestContext.Current.CancellationToken))
            {
                using (frame) throw new InvalidOperationException($"consumer failed on frame {frame.Index}");
            }
        });

        AssertNothingLeft(sut);
    }

    [Fact]
    public async Task ReadAsync_HeaderAnnouncesMoreFramesThanThereAre_ReportsItEndedEarly()
    {
        using var sut = new VideoFileFrameSource(TestVideos.PatchAviHeader(TestVideos.Counting(12), frameCount: 849));

        var frames = await ReadAllAsync(sut);

        Assert.Equal(849, sut.Info.FrameCount);
        Assert.Equal(12, frames.Count);
        Assert.True(sut.EndedEarly);
    }

    [Fact]
    public async Task ReadAsync_Mp4CutInHalf_ReadsTheFirstHalfAndReportsItEndedEarly()
    {
        var whole = TestVideos.Lavfi("whole.mp4", "320x240", seconds: 4, fps: 25, "-c:v", "libx264", "-preset", "ultrafast", "-movflags", "faststart");
        using var sut = new VideoFileFrameSource(TestVideos.Truncated(whole, 0.5));

        var frames = await ReadAllAsync(sut);

        Assert.Equal(100, sut.Info.FrameCount);
        Assert.InRange(frames.Count, 1, 90);
        Assert.True(sut.EndedEarly);
        AssertNothingLeft(sut);
    }

    [Fact]
    public void Open_Mp4WithoutItsIndex_SaysItIsTruncated()
    {
        var whole = TestVideos.Lavfi("whole.mp4", "160x120", seconds: 2, fps: 25, "-c:v", "libx264", "-preset", "ultrafast");

        var error = Assert.Throws<InvalidInputException>(() => new VideoFileFrameSource(TestVideos.Truncated(whole, 0.5)));

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Open_PictureOver8K_RefusesBeforeDecodingNamingTheLimit()
    {
        var huge = Path.Combine(TestPaths.TempDirectory(), "huge.mp4");
        TestVideos.Ffmpeg("-f", "lavfi", "-i", "color=c=gray:s=8192x4352:r=25", "-frames:v", "1", "-c:v", "libx264", "-preset", "ultrafast", huge);

        var error = Assert.Throws<InvalidInputException>(() => new VideoFileFrameSource(huge));

        Assert.Contains("8192x4352", error.Message);
        Assert.Contains("33,177,600", error.Message);
    }

    [Fact]
    public void Open_LowerPixelLimit_IsTheOneNamed()
    {
        var error = Assert.Throws<InvalidInputException>(() => new VideoFileFrameSource(TestVideos.Counting(2), new FrameSourceOptions { MaxPixels = 1000 }));

        Assert.Contains("over the limit of 1,000 pixels", error.Message);
    }

    [Theory]
    [InlineData(1_000_000u, 1u)]
    [InlineData(1u, 100_000u)]
    public void Open_AbsurdFrameRate_IsRefused(uint scale, uint rate)
    {
        var patched = TestVideos.PatchAviHeader(TestVideos.Counting(3), frameRate: (scale, rate));

        var error = Assert.Throws<InvalidInputException>(() => new VideoFileFrameSource(patched));

        Assert.Contains("frames per second", error.Message);
    }

    [Fact]
    public void Open_UnknownCodec_SaysFfmpegCannotDecodeIt()
    {
        var error = Assert.Throws<InvalidInputException>(() => new VideoFileFrameSource(TestVideos.WithUnknownCodec(TestVideos.Counting(3))));

        Assert.Contains("codec", error.Message);
        Assert.Contains("ABCD", error.Message);
    }

    [Fact]
    public void Open_AudioOnly_SaysThereIsNoVideoTrack()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "sound.mka");
        TestVideos.Ffmpeg("-f", "lavfi", "-i", "sine=duration=1", path);

        var error = Assert.Throws<InvalidInputException>(() => new VideoFileFrameSource(path));

        Assert.Contains("no video track", error.Message);
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
    public void Open_MissingFfmpeg_SaysHowToInstallIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new VideoFileFrameSource(TestVideos.Counting(2), new FrameSourceOptions { FfprobePath = "/nowhere/ffprobe" }));

        Assert.Contains("install-native.sh", error.Message);
    }
}
