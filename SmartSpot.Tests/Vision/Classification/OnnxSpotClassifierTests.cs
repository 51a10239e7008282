using OpenCvSharp;
using SmartSpot.Vision;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Classification;

/// <summary>Runs the tiny brightness model of TestData (bright crop = occupied; see its README).</summary>
public sealed class OnnxSpotClassifierTests
{
    private static readonly string TinyModel = Path.Combine(AppContext.BaseDirectory, "TestData", "tiny-classifier.onnx");

    private static IReadOnlyList<SpotClassification> Classify(OnnxSpotClassifier sut, Mat picture, params ParkingSpot[] spots)
    {
        using var frame = Frame.FromBgr(picture);
        using var cropper = new SpotCropper();
        return sut.Classify(new SpotCrops(frame, spots, cropper));
    }

    [Fact]
    public void Constructor_TinyModel_ReadsItsInputSizeFromTheModel()
    {
        using var sut = new OnnxSpotClassifier(new ClassifierOptions { ModelPath = TinyModel });

        Assert.Equal((16, 32), (sut.InputHeight, sut.InputWidth));
    }

    [Fact]
    public void Classify_OneBatch_GivesOneVerdictPerSpotInOrder()
    {
        using var sut = new OnnxSpotClassifier(new ClassifierOptions { ModelPath = TinyModel });
        var dark = new ParkingSpot(1, new PixelBox(0, 0, 40, 20), 800);
        var bright = new ParkingSpot(2, new PixelBox(50, 0, 20, 40), 800);
        using var frame = SyntheticLot.Frame(new Size(100, 50), bright.Box.ToRect());

        var verdicts = Classify(sut, frame, dark, bright, dark);

        Assert.Equal([SpotStatus.Free, SpotStatus.Occupied, SpotStatus.Free], verdicts.Select(v => v.Status));
        Assert.All(verdicts, verdict => Assert.InRange(verdict.Confidence, 0.99f, 1f));
    }

    [Fact]
    public void Classify_MoreSpotsThanOneBatch_RunsInBatchesAndKeepsEachVerdictWithItsSpot()
    {
        using var sut = new OnnxSpotClassifier(new ClassifierOptions { ModelPath = TinyModel, MaxBatch = 2, IncludeEmbedding = true });
        using var frame = new Mat(new Size(100, 40), MatType.CV_8UC3, Scalar.All(20));
        Cv2.Rectangle(frame, new Rect(50, 0, 50, 40), new Scalar(255, 0, 0), -1);
        Cv2.Rectangle(frame, new Rect(0, 20, 40, 20), Scalar.All(230), -1);
        var dark = new ParkingSpot(1, new PixelBox(0, 0, 40, 20), 800);
        var blue = new ParkingSpot(2, new PixelBox(55, 5, 40, 30), 1200);
        var bright = new ParkingSpot(3, new PixelBox(0, 20, 40, 20), 800);

        var verdicts = Classify(sut, frame, dark, bright, blue, bright, dark);

        Assert.Equal([SpotStatus.Free, SpotStatus.Occupied, SpotStatus.Free, SpotStatus.Occupied, SpotStatus.Free], verdicts.Select(v => v.Status));
        Assert.Equal([20f, 230f, 255f, 230f, 20f], verdicts.Select(v => v.Embedding.Span[0]));
    }

    [Fact]
    public void Classify_GreyJustAboveHalf_GivesTheModelsProbability()
    {
        using var sut = new OnnxSpotClassifier(new ClassifierOptions { ModelPath = TinyModel });
        using var frame = new Mat(new Size(64, 64), MatType.CV_8UC3, Scalar.All(136));

        var verdict = Classify(sut, frame, new ParkingSpot(1, new PixelBox(3, 5, 50, 30), 1500)).Single();

        Assert.Equal(SpotStatus.Occupied, verdict.Status);
        Assert.Equal(0.8808f, verdict.Confidence, 0.001f);
    }

    [Fact]
    public void Constructor_TinyModel_ReadsItsEmbeddingLength()
    {
        using var sut = new OnnxSpotClassifier(new ClassifierOptions { ModelPath = TinyModel });

        Assert.Equal(3, sut.EmbeddingLength);
    }

    [Fact]
    public void Classify_EmbeddingAsked_GivesEachCropsOwnEmbeddingInOrder()
    {
        using var sut = new OnnxSpotClassifier(new ClassifierOptions { ModelPath = TinyModel, IncludeEmbedding = true });
        using var frame = new Mat(new Size(100, 40), MatType.CV_8UC3, Scalar.All(136));
        Cv2.Rectangle(frame, new Rect(50, 0, 50, 40), new Scalar(255, 0, 0), -1);
        var grey = new ParkingSpot(1, new PixelBox(0, 0, 40, 20), 800);
        var blue = new ParkingSpot(2, new PixelBox(55, 5, 40, 30), 1200);

        var verdicts = Classify(sut, frame, grey, blue);

        Assert.Equal([136f, 136f, 136f], verdicts[0].Embedding.ToArray());
        Assert.Equal([255f, 0f, 0f], verdicts[1].Embedding.ToArray());
        Assert.Equal((SpotStatus.Occupied, 0.8808f), (verdicts[0].Status, MathF.Round(verdicts[0].Confidence, 4)));
        Assert.Equal(SpotStatus.Free, verdicts[1].Status);
    }

    [Fact]
    public void Classify_EmbeddingNotAsked_LeavesItEmpty()
    {
        using var sut = new OnnxSpotClassifier(new ClassifierOptions { ModelPath = TinyModel });
        using var frame = new Mat(new Size(64, 64), MatType.CV_8UC3, Scalar.All(200));

        var verdict = Classify(sut, frame, new ParkingSpot(1, new PixelBox(0, 0, 40, 20), 800)).Single();

        Assert.True(verdict.Embedding.IsEmpty);
        Assert.Equal(SpotStatus.Occupied, verdict.Status);
    }

    [Fact]
    public void Constructor_ShippedModel_HasAnEmbeddingOfAtMost256()
    {
        using var sut = new OnnxSpotClassifier(new ClassifierOptions());

        Assert.InRange(sut.EmbeddingLength, 1, 256);
    }

    [Fact]
    public void Classify_NoSpots_RunsNothing()
    {
        using var sut = new OnnxSpotClassifier(new ClassifierOptions { ModelPath = TinyModel });
        using var frame = SyntheticLot.Frame(new Size(10, 10));

        Assert.Empty(Classify(sut, frame));
    }

    [Fact]
    public void Constructor_BrokenModelFile_SaysItIsNotUsable()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "broken.onnx");
        File.WriteAllBytes(path, File.ReadAllBytes(TinyModel)[..200]);

        var error = Assert.Throws<InvalidInputException>(() => new OnnxSpotClassifier(new ClassifierOptions { ModelPath = path }));

        Assert.Contains("not a usable ONNX model", error.Message);
    }

    [Fact]
    public void Constructor_ShippedModel_Loads()
    {
        using var sut = new OnnxSpotClassifier(new ClassifierOptions());

        Assert.True(sut.InputWidth >= sut.InputHeight);
    }
}
