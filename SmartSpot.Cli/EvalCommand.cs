using System.CommandLine;
using System.Text.Json;
using SmartSpot.Vision;
using SmartSpot.Vision.Calibration;
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
        var embeddings = new Option<FileInfo?>("--embeddings")
        {
            Description = "Also write each crop's embedding here (.csv: path, truth, said, confidence, e0...; .npy: float32 [crops, D]); with --json the crops are listed in the same order.",
        };
        var head = new Option<FileInfo?>("--head") { Description = "A lot head (lot-head.json from smartspot calibrate, fitted on this model) decides instead of the model's own output." };
        var command = new Command("eval", "Measure the classifier's accuracy and how honest its confidence is on labelled crops.") { crops, model, json, embeddings, head };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            _ => RunAsync(parse.GetRequiredValue(crops).FullName, parse.GetValue(model)?.FullName ?? ClassifierOptions.DefaultModelPath, parse.GetValue(json), parse.GetValue(embeddings)?.FullName,
                parse.GetValue(head)?.FullName),
            cancellationToken));
        return command;
    }

    private static Task RunAsync(string cropsPath, string modelPath, bool asJson, string? embeddingsPath, string? headPath)
    {
        if (embeddingsPath is not null) EmbeddingFile.EnsureSupported(embeddingsPath);
        var head = headPath is null ? null : LotHeadFile.Read(headPath);
        using var classifier = new OnnxSpotClassifier(new ClassifierOptions { ModelPath = modelPath, IncludeEmbedding = embeddingsPath is not null || head is not null });
        if (embeddingsPath is not null && classifier.EmbeddingLength == 0)
        {
            throw new InvalidInputException($"The model '{modelPath}' has no '{OnnxSpotClassifier.EmbeddingOutput}' output, so there are no embeddings to write. Use a model with one (v4 or later, docs/model.md) or leave out --embeddings.");
        }
        head?.EnsureReads(classifier.Identity, classifier.EmbeddingLength);
        var evaluation = CropFolder.Evaluate(cropsPath, head is null ? classifier : new CalibratedSpotClassifier(classifier, head));
        if (embeddingsPath is not null)
        {
            EmbeddingFile.Write(embeddingsPath, evaluation.Crops, classifier.EmbeddingLength);
        }
        var reliability = Reliability.Of(evaluation.Crops);
        Console.WriteLine(asJson ? JsonSerializer.Serialize(ToJson(evaluation, reliability, listCrops: embeddingsPath is not null), CliOutput.Json) : ToText(evaluation, reliability));
        if (head is not null && !asJson)
        {
            Console.WriteLine($"decided by the lot head: {CalibrateCommand.Figures(head.CrossValidation)}");
        }
        return Task.CompletedTask;
    }

    private static object ToJson(CropEvaluation evaluation, Reliability reliability, bool listCrops)
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
            reliability = new
            {
                expectedCalibrationError = Math.Round(reliability.ExpectedCalibrationError, 5),
                bins = reliability.Bins.Select(bin => new { bin.From, bin.To, bin.Crops, bin.Right, meanConfidence = Math.Round(bin.MeanConfidence, 5) }),
            },
            crops = listCrops
                ? evaluation.Crops.Select(crop => new { crop.Path, truth = CliOutput.Name(crop.Truth), said = CliOutput.Name(crop.Verdict.Status), confidence = Math.Round(crop.Verdict.Confidence, 5) })
                : null,
        };
    }

    private static string ToText(CropEvaluation evaluation, Reliability reliability)
    {
        var m = evaluation.Confusion;
        var bins = string.Join(Environment.NewLine, reliability.Bins.Where(bin => bin.Crops > 0).Select(bin =>
            $"  {bin.From:0.0}-{bin.To:0.0}  {bin.Crops,6} crops  {bin.Accuracy,7:P1} right  (mean confidence {bin.MeanConfidence:P1})"));
        return $"""
            crops      {m.Total}{(evaluation.Skipped > 0 ? $" ({evaluation.Skipped} unreadable, skipped)" : "")}
            accuracy   {m.Accuracy:P2}
            precision  {m.Precision:P2}  (occupied is the positive class)
            recall     {m.Recall:P2}
            f1         {m.F1:0.0000}

                            predicted free  predicted occupied
            truly free      {m.FreeAsFree,14}  {m.FreeAsOccupied,18}
            truly occupied  {m.OccupiedAsFree,14}  {m.OccupiedAsOccupied,18}

            confidence (honest when each bin's share right matches its mean confidence; calibration error {reliability.ExpectedCalibrationError:P1})
            {bins}
            """;
    }
}
