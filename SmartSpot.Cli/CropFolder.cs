using SmartSpot.Vision;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Evaluation;

namespace SmartSpot.Cli;

/// <summary>Classifies a folder of labelled crops (<c>empty/</c>, <c>occupied/</c>) with a progress bar on stderr: what <c>eval</c> and <c>calibrate</c> read.</summary>
public static class CropFolder
{
    public static CropEvaluation Evaluate(string cropsPath, ISpotClassifier classifier)
    {
        if (!Directory.Exists(cropsPath))
        {
            throw new InvalidInputException($"The crops folder '{cropsPath}' does not exist. Check the path.");
        }
        var evaluator = new CropEvaluator(classifier);
        var total = CropEvaluator.CountCrops(cropsPath);
        CropEvaluation evaluation = null!;
        CliOutput.Progress().Start(progress =>
        {
            var task = progress.AddTask("Classifying crops", maxValue: Math.Max(1, total));
            evaluation = evaluator.Evaluate(cropsPath, new Progress<int>(done => task.Value = done));
        });
        return evaluation;
    }
}
