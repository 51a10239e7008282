using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Classification;

public sealed class CascadeSpotClassifierTests
{
    /// <summary>Says what it is told per spot id, with the confidence it is told; records which spots it was asked about.</summary>
    private sealed class ScriptedClassifier(float confidence) : ISpotClassifier
    {
        public Dictionary<int, SpotStatus> Says { get; } = [];

        public float Confidence { get; set; } = confidence;

        public List<int> Asked { get; } = [];

        public IReadOnlyList<SpotClassification> Classify(Mat frame, IReadOnlyList<ParkingSpot> spots)
        {
            Asked.AddRange(spots.Select(spot => spot.Id));
            return spots.Select(spot => new SpotClassification(Says[spot.Id], Confidence)).ToList();
        }
    }

    private static readonly ParkingSpot A = new(1, new PixelBox(0, 0, 10, 5), 50);
    private static readonly ParkingSpot B = new(2, new PixelBox(20, 0, 10, 5), 50);

    private readonly ScriptedClassifier _fast = new(0.7f);
    private readonly ScriptedClassifier _accurate = new(0.95f);
    private readonly Mat _frame = new(new Size(40, 10), MatType.CV_8UC3, Scalar.All(0));

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

        var verdicts = sut.Classify(_frame, [A, B]);

        Assert.Equal([A.Id, B.Id], _accurate.Asked);
        Assert.Equal([new SpotClassification(SpotStatus.Free, 0.95f), new SpotClassification(SpotStatus.Occupied, 0.95f)], verdicts);
    }

    [Fact]
    public void Classify_FastAgreesWithTheLastWord_AccurateNotAskedAndItsVerdictStands()
    {
        var sut = Create();
        sut.Classify(_frame, [A, B]);
        _accurate.Asked.Clear();

        var verdicts = sut.Classify(_frame, [B, A]);

        Assert.Empty(_accurate.Asked);
        Assert.Equal([new SpotClassification(SpotStatus.Occupied, 0.95f), new SpotClassification(SpotStatus.Free, 0.95f)], verdicts);
        Assert.Equal((4, 2), (sut.FastRuns, sut.AccurateRuns));
    }

    [Fact]
    public void Classify_FastDisputes_AccurateDecidesThatSpotOnly()
    {
        var sut = Create();
        sut.Classify(_frame, [A, B]);
        _accurate.Asked.Clear();
        _fast.Says[A.Id] = SpotStatus.Occupied;

        var verdicts = sut.Classify(_frame, [A, B]);

        Assert.Equal([A.Id], _accurate.Asked);
        Assert.Equal(SpotStatus.Free, verdicts[0].Status);
    }

    [Fact]
    public void Classify_FastAgreesButItsAnswerMoved_AccurateAskedAgain()
    {
        var sut = Create();
        _fast.Confidence = 0.98f;
        sut.Classify(_frame, [A]);
        _accurate.Asked.Clear();

        _fast.Confidence = 0.85f;
        sut.Classify(_frame, [A]);
        _fast.Confidence = 0.6f;
        sut.Classify(_frame, [A]);

        Assert.Equal([A.Id], _accurate.Asked);
    }

    [Fact]
    public void Classify_AccurateConfirmsTheFlip_NewWordIsRememberedAndNotAskedAgain()
    {
        var sut = Create();
        sut.Classify(_frame, [A]);
        _fast.Says[A.Id] = _accurate.Says[A.Id] = SpotStatus.Occupied;

        var flipped = sut.Classify(_frame, [A]).Single();
        _accurate.Asked.Clear();
        var after = sut.Classify(_frame, [A]).Single();

        Assert.Equal((SpotStatus.Occupied, SpotStatus.Occupied), (flipped.Status, after.Status));
        Assert.Empty(_accurate.Asked);
    }
}
