using OpenCvSharp;
using SmartSpot.Vision;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Evaluation;

namespace SmartSpot.Tests.Vision.Evaluation;

public sealed class CropEvaluatorTests
{
    private static void WriteCrop(string directory, string label, string name, Scalar colour)
    {
        Directory.CreateDirectory(Path.Combine(directory, label));
        using var crop = new Mat(new Size(30, 15), MatType.CV_8UC3, colour);
        Cv2.ImWrite(Path.Combine(directory, label, name), crop);
    }

    [Fact]
    public void Evaluate_OneMistakeEachWay_CountsTheConfusion()
    {
        var directory = TestPaths.TempDirectory();
        WriteCrop(directory, "empty", "a.png", SyntheticLot.Asphalt);
        WriteCrop(directory, "empty", "b.png", SyntheticLot.Asphalt);
        WriteCrop(directory, "empty", "c.png", SyntheticLot.Car);
        WriteCrop(directory, "occupied", "d.png", SyntheticLot.Car);
        WriteCrop(directory, "occupied", "e.png", SyntheticLot.Asphalt);
        File.WriteAllText(Path.Combine(directory, "occupied", "broken.jpg"), "not an image");

        var result = new CropEvaluator(new BrightnessClassifier()).Evaluate(directory);

        Assert.Equal(new ConfusionMatrix(2, 1, 1, 1), result.Confusion);
        Assert.Equal(1, result.Skipped);
        Assert.Equal(0.6, result.Confusion.Accuracy, 6);
        Assert.Equal(0.5, result.Confusion.Precision, 6);
        Assert.Equal(0.5, result.Confusion.Recall, 6);
    }

    [Fact]
    public void Evaluate_CropsInSubFoldersPerCamera_AreCounted()
    {
        var directory = TestPaths.TempDirectory();
        WriteCrop(directory, Path.Combine("empty", "camera1"), "a.PNG", SyntheticLot.Asphalt);
        WriteCrop(directory, Path.Combine("occupied", "camera2"), "b.png", SyntheticLot.Car);

        var result = new CropEvaluator(new BrightnessClassifier()).Evaluate(directory);

        Assert.Equal(new ConfusionMatrix(1, 0, 0, 1), result.Confusion);
        Assert.Equal([(Path.Combine("empty", "camera1", "a.PNG"), SpotStatus.Free), (Path.Combine("occupied", "camera2", "b.png"), SpotStatus.Occupied)],
            result.Crops.Select(crop => (crop.Path, crop.Truth)));
        Assert.All(result.Crops, crop => Assert.True(crop.IsRight));
    }

    [Fact]
    public void Evaluate_MissingClassFolder_NamesIt()
    {
        var directory = TestPaths.TempDirectory();
        WriteCrop(directory, "occupied", "a.png", SyntheticLot.Car);

        var error = Assert.Throws<InvalidInputException>(() => new CropEvaluator(new BrightnessClassifier()).Evaluate(directory));

        Assert.Contains("'empty'", error.Message);
    }
}
