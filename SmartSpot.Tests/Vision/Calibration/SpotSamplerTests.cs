using OpenCvSharp;
using SmartSpot.Vision;
using SmartSpot.Vision.Calibration;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Calibration;

public sealed class SpotSamplerTests
{
    private static readonly Size FrameSize = new(240, 120);
    private static readonly Rect FirstBay = new(10, 30, 40, 60);
    private static readonly Rect SecondBay = new(70, 30, 40, 60);

    /// <summary>Spot 1 is a mask box; spot 2 is drawn as a slanted outline around the second bay (warped upright when cut).</summary>
    private static readonly ParkingSpot[] Spots =
    [
        new(1, new PixelBox(FirstBay.X, FirstBay.Y, FirstBay.Width, FirstBay.Height), FirstBay.Width * FirstBay.Height),
        new(2, new PixelBox(66, 28, 48, 64), 2400, new SpotQuad(new(70, 28), new(114, 32), new(110, 92), new(66, 88))),
    ];

    /// <summary>30 frames at 30 fps: both bays empty, a car in the second bay from frame 10 on.</summary>
    private static string Clip() => SyntheticLot.WriteVideo(TestPaths.TempDirectory(), 30,
        Enumerable.Range(0, 30).Select(index => SyntheticLot.Frame(FrameSize, index >= 10 ? [SecondBay] : [])));

    private static double MeanOf(byte[] png)
    {
        using var crop = Cv2.ImDecode(png, ImreadModes.Color);
        return Cv2.Mean(crop).Val0;
    }

    [Fact]
    public async Task SampleAsync_ChosenFrames_GivesThoseFramesInOrderWithEverySpotCutOutAndJudged()
    {
        var sut = new SpotSampler(new BrightnessClassifier(), new FrameSourceOptions());

        var frames = await sut.SampleAsync(Clip(), Spots, [25, 5], TestContext.Current.CancellationToken);

        Assert.Equal([5, 25], frames.Select(frame => frame.Index));
        Assert.Equal(TimeSpan.FromSeconds(25 / 30.0), frames[1].Timestamp);
        Assert.All(frames, frame => Assert.Equal([1, 2], frame.Spots.Select(spot => spot.SpotId)));
        Assert.Equal([SpotStatus.Free, SpotStatus.Free], frames[0].Spots.Select(spot => spot.Verdict.Status));
        Assert.Equal([SpotStatus.Free, SpotStatus.Occupied], frames[1].Spots.Select(spot => spot.Verdict.Status));
        // The crops are the bays as the classifier sees them: asphalt, or the car that fills the second bay.
        Assert.InRange(MeanOf(frames[0].Spots[1].Png), 40, 90);
        Assert.InRange(MeanOf(frames[1].Spots[1].Png), 150, 255);
        using var box = Cv2.ImDecode(frames[0].Spots[0].Png, ImreadModes.Color);
        Assert.Equal(new Size(40, 60), box.Size());
        using var picture = Cv2.ImDecode(frames[1].Jpeg, ImreadModes.Color);
        Assert.Equal(FrameSize, picture.Size());
    }

    [Fact]
    public async Task Judge_StoredCrop_GivesTheVerdictAndEmbeddingItWasCutWith()
    {
        using var model = new OnnxSpotClassifier(new ClassifierOptions { ModelPath = Path.Combine(AppContext.BaseDirectory, "TestData", "tiny-classifier.onnx"), IncludeEmbedding = true });
        var sut = new SpotSampler(model, new FrameSourceOptions());
        var frame = (await sut.SampleAsync(Clip(), Spots, [20], TestContext.Current.CancellationToken))[0];

        foreach (var sample in frame.Spots)
        {
            var again = sut.Judge(sample.Png);

            Assert.Equal(sample.Verdict.Status, again.Status);
            Assert.Equal(sample.Verdict.Confidence, again.Confidence, 1e-5f);
            Assert.Equal(sample.Verdict.Embedding.ToArray(), again.Embedding.ToArray());
            Assert.NotEqual(0, again.Embedding.Length);
        }
    }

    [Fact]
    public async Task SampleAsync_FramePastTheEnd_SaysHowManyFramesTheVideoHas()
    {
        var sut = new SpotSampler(new BrightnessClassifier(), new FrameSourceOptions());

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => sut.SampleAsync(Clip(), Spots, [3, 30], TestContext.Current.CancellationToken));

        Assert.Contains("has 30 frames (0 to 29); frame 30 is past its end", error.Message);
    }

    [Fact]
    public async Task SampleAsync_SpotOutsideTheFrame_SaysTheSpotsBelongToAnotherVideo()
    {
        var sut = new SpotSampler(new BrightnessClassifier(), new FrameSourceOptions());
        ParkingSpot[] elsewhere = [new(7, new PixelBox(200, 100, 80, 60), 4800)];

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => sut.SampleAsync(Clip(), elsewhere, [0], TestContext.Current.CancellationToken));

        Assert.Contains("Spot 7", error.Message);
        Assert.Contains("another video", error.Message);
    }

    [Fact]
    public void Judge_BytesThatAreNoImage_SaysSo()
    {
        var sut = new SpotSampler(new BrightnessClassifier(), new FrameSourceOptions());

        var error = Assert.Throws<InvalidInputException>(() => sut.Judge([1, 2, 3]));

        Assert.Contains("not a readable image", error.Message);
    }
}
