using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Classification;

public sealed class CascadeSpotClassifierTests : IDisposable
{
    /// <summary>Says what it is told per spot id, with the confidence it is told; records which spots it was asked about.</summary>
    private sealed class ScriptedClassifier(float confidence) : ISpotClassifier
    {
        public Dictionary<int, SpotStatus> Says { get; } = [];

        public float Confidence { get; set; } = confidence;

        public List<int> Asked { get; } = [];

        public IReadOnlyList<SpotClassification> Classify(SpotCrops crops)
        {
            Asked.AddRange(crops.Spots.Select(spot => spot.Id));
            return crops.Spots.Select(spot => new SpotClassification(Says[spot.Id], Confidence)).ToList();
        }
    }

    private static readonly ParkingSpot A = new(1, new PixelBox(0, 0, 10, 5), 50);
    private static readonly ParkingSpot B = new(2, new PixelBox(20, 0, 10, 5), 50);

    private readonly ScriptedClassifier _fast = new(0.7f);
    private readonly ScriptedClassifier _accurate = new(0.95f);
    private readonly Frame _frame = Black(new Size(40, 10));
    private readonly SpotCropper _cropper = new();

    public void Dispose()
    {
        _frame.Dispose();
        _cropper.Dispose();
    }

    private static Frame Black(Size size)
    {
        using var picture = new Mat(size, MatType.CV_8UC3, Scalar.All(0));
        return Frame.FromBgr(picture);
    }

    private SpotCrops Crops(params ParkingSpot[] spots) => new(_frame, spots, _cropper);

    private CascadeSpotClassifier Create()
    {
        _fast.Says[A.Id] = _accurate.Says[A.Id] = SpotStatus.Free;
        _fast.Says[B.Id] = _accurate.Says[B.Id] = SpotStatus.Occupied;
        return new CascadeSpotClassifier(_fast, _accurate);
    }

    [Fact]
    public void Classify_FirstSight_TheAccurateModelJudgesEverySpot()
    {
        var sut = Create();

        var verdicts = sut.Classify(Crops(A, B));

        Assert.Equal([A.Id, B.Id], _accurate.Asked);
        Assert.Equal([new SpotClassification(SpotStatus.Free, 0.95f), new SpotClassification(SpotStatus.Occupied, 0.95f)], verdicts);
    }

    [Fact]
    public void Classify_FastAgreesWithTheLastWord_AccurateNotAskedAndItsVerdictStands()
    {
        var sut = Create();
        sut.Classify(Crops(A, B));
        _accurate.Asked.Clear();

        var verdicts = sut.Classify(Crops(B, A));

        Assert.Empty(_accurate.Asked);
        Assert.Equal([new SpotClassification(SpotStatus.Occupied, 0.95f), new SpotClassification(SpotStatus.Free, 0.95f)], verdicts);
        Assert.Equal((4, 2), (sut.FastRuns, sut.AccurateRuns));
    }

    [Fact]
    public void Classify_FastDisputes_AccurateDecidesThatSpotOnly()
    {
        var sut = Create();
        sut.Classify(Crops(A, B));
        _accurate.Asked.Clear();
        _fast.Says[A.Id] = SpotStatus.Occupied;

        var verdicts = sut.Classify(Crops(A, B));

        Assert.Equal([A.Id], _accurate.Asked);
        Assert.Equal(SpotStatus.Free, verdicts[0].Status);
    }

    [Fact]
    public void Classify_FastAgreesButItsAnswerMoved_AccurateAskedAgain()
    {
        var sut = Create();
        _fast.Confidence = 0.98f;
        sut.Classify(Crops(A));
        _accurate.Asked.Clear();

        _fast.Confidence = 0.85f;
        sut.Classify(Crops(A));
        _fast.Confidence = 0.6f;
        sut.Classify(Crops(A));

        Assert.Equal([A.Id], _accurate.Asked);
    }

    [Fact]
    public void Classify_AccurateConfirmsTheFlip_NewWordIsRememberedAndNotAskedAgain()
    {
        var sut = Create();
        sut.Classify(Crops(A));
        _fast.Says[A.Id] = _accurate.Says[A.Id] = SpotStatus.Occupied;

        var flipped = sut.Classify(Crops(A)).Single();
        _accurate.Asked.Clear();
        var after = sut.Classify(Crops(A)).Single();

        Assert.Equal((SpotStatus.Occupied, SpotStatus.Occupied), (flipped.Status, after.Status));
        Assert.Empty(_accurate.Asked);
    }
}
