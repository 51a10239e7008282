using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Evaluation;

namespace SmartSpot.Tests.Vision.Evaluation;

public sealed class ReliabilityTests
{
    private static CropVerdict Crop(float confidence, bool right) =>
        new("x.jpg", SpotStatus.Free, new SpotClassification(right ? SpotStatus.Free : SpotStatus.Occupied, confidence));

    [Fact]
    public void Of_HonestConfidences_BinsMatchAndErrorIsSmall()
    {
        var crops = Enumerable.Range(0, 10).Select(i => Crop(0.65f, i < 6))
            .Concat(Enumerable.Range(0, 10).Select(i => Crop(0.95f, i < 9))).Concat([Crop(1f, true)]).ToList();

        var sut = Reliability.Of(crops);

        Assert.Equal([0, 10, 0, 0, 11], sut.Bins.Select(bin => bin.Crops));
        Assert.Equal(0.6, sut.Bins[1].Accuracy, 6);
        Assert.Equal((0.6, 0.7), (sut.Bins[1].From, sut.Bins[1].To));
        Assert.Equal((10 * 0.05 + 11 * Math.Abs(10 / 11.0 - 10.5 / 11)) / 21, sut.ExpectedCalibrationError, 4);
    }

    [Fact]
    public void Of_OverconfidentModel_ShowsTheGap()
    {
        var crops = Enumerable.Range(0, 10).Select(i => Crop(0.99f, i < 7)).ToList();

        var sut = Reliability.Of(crops);

        Assert.Equal(0.29, sut.ExpectedCalibrationError, 4);
    }

    [Fact]
    public void Of_NoCrops_IsEmptyNotAnError()
    {
        var sut = Reliability.Of([]);

        Assert.All(sut.Bins, bin => Assert.Equal(0, bin.Crops));
        Assert.Equal(0, sut.ExpectedCalibrationError);
    }
}
