using SmartSpot.Vision.Calibration;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Evaluation;

namespace SmartSpot.Tests.Vision.Calibration;

public sealed class CalibrationExampleTests
{
    [Theory]
    [InlineData("empty/20150703_0805_12.jpg", "12")]
    [InlineData("occupied/test17_s20.jpg", "s20")]
    [InlineData("occupied/cam1/00000324_00000176.jpg", "cam1/00000176")]
    [InlineData("empty/crop.png", "crop")]
    public void FromCrop_NamesTheSpotByTheLastPartOfTheFileName(string path, string spot)
    {
        var crop = new CropVerdict(path, SpotStatus.Free, new SpotClassification(SpotStatus.Occupied, 0.7f));

        var sut = CalibrationExample.FromCrop(crop);

        Assert.Equal(spot, sut.Spot);
        Assert.Equal(SpotStatus.Free, sut.Truth);
        Assert.Equal(SpotStatus.Occupied, sut.Generic.Status);
    }

    [Fact]
    public void FromCrop_TheSameSpotUnderBothLabels_IsOneSpot()
    {
        SpotClassification said = new(SpotStatus.Free, 0.8f);

        var free = CalibrationExample.FromCrop(new CropVerdict("empty/test1_s07.jpg", SpotStatus.Free, said));
        var occupied = CalibrationExample.FromCrop(new CropVerdict("occupied/full3_s07.jpg", SpotStatus.Occupied, said));

        Assert.Equal(free.Spot, occupied.Spot);
    }
}
