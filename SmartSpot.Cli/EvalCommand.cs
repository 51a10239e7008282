using System.CommandLine;
using System.Text.Json;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Evaluation;

namespace SmartSpot.Cli;

/// <summary><c>smartspot eval</c>: scores the classifier on folders of labelled crops.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var crops = new Option<DirectoryInfo>("--crops") { Description = "A folder with 'empty/' and 'occupied/' folders of crop images.", Required = true };
        var model = new Option<FileInfo?>("--model") { Description = "The ONNX spot classifier (default: the shipped model)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command("eval", "Measure the classifier's accuracy on labelled crops.") { crops, model, json };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            _ => RunAsync(parse.GetRequiredValue(crops).FullName, parse.GetValue(model)?.FullName ?? ClassifierOptions.DefaultModelPath, parse.GetValue(json)),
            cancellationToken));
        return command;
    }

    private static Task RunAsync(string cropsPath, string modelPath, bool asJson)
    {
        if (!Directory.Exists(cropsPath))
        {
            throw new Vision.InvalidInputException($"The crops folder '{cropsPath}' does not exist. Check the path.");
        }
        using var classifier = new OnnxSpotClassifier(new ClassifierOptions { ModelPath = modelPath });
        var evaluator = new CropEvaluator(classifier);
        var total = CropEvaluator.CountCrops(cropsPath);
        CropEvaluation evaluation = null!;
        CliOutput.Progress().Start(progress =>
        {
            var task = progress.AddTask("Classifying crops", maxValue: Math.Max(1, total));
            evaluation = evaluator.Evaluate(cropsPath, new Progress<int>(done => task.Value = done));
        });
        Console.WriteLine(asJson ? JsonSerializer.Serialize(ToJson(evaluation), CliOutput.Json) : ToText(evaluation));
        return Task.CompletedTask;
    }

    private static object ToJson(CropEvaluation evaluation)
    {
        var m = evaluation.Confusion;
        return new
        {
            accuracy = Math.Round(m.Accuracy, 5),
            precision = Math.Round(m.Precision, 5),
            recall = Math.Round(m.Recall, 5),
            f1 = Math.Round(m.F1, 5),
            total = m.Total,
            skipped = evaluation.Skipped,
            confusion = new { freeAsFree = m.FreeAsFree, freeAsOccupied = m.FreeAsOccupied, occupiedAsFree = m.OccupiedAsFree, occupiedAsOccupied = m.OccupiedAsOccupied },
        };
    }

    private static string ToText(CropEvaluation evaluation)
    {
        var m = evaluation.Confusion;
        return $"""
            crops      {m.Total}{(evaluation.Skipped > 0 ? $" ({evaluation.Skipped} unreadable, skipped)" : "")}
            accuracy   {m.Accuracy:P2}
            precision  {m.Precision:P2}  (occupied is the positive class)
            recall     {m.Recall:P2}
            f1         {m.F1:0.0000}

                            predicted free  predicted occupied
            truly free      {m.FreeAsFree,14}  {m.FreeAsOccupied,18}
            truly occupied  {m.OccupiedAsFree,14}  {m.OccupiedAsOccupied,18}
            """;
    }
}
