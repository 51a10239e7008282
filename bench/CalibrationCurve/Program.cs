// Per-lot calibration on the shared crop sets: for each lot, a model that never saw it (a leave-one-lot-out checkpoint)
// judges every crop; then, in each of D draws, the lot's spots are split at random into two halves, N crops are drawn
// from the first half's crops, a head is fitted on them (LotHeadTrainer, the defaults `smartspot calibrate` uses),
// and generic and calibrated accuracy are measured on ALL crops of the other half: never on a spot the head saw.
// Prints a Markdown table: mean and range over the draws, and what the head's own cross-validation on its N labels estimated.
//
// usage: calibration-curve --crops ROOT --model LOT=MODEL.onnx [--model LOT=MODEL.onnx ...] [--labels 20,50,200] [--draws 10]
//   e.g. --crops ../shared/data/crops --model vsb-ostrava=tools/train/runs/r3-geo-without-vsb-ostrava.onnx
using System.Diagnostics;
using System.Globalization;
using SmartSpot.Vision;
using SmartSpot.Vision.Calibration;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Evaluation;

string? root = null;
var models = new List<(string Lot, string Model)>();
int[] sizes = [20, 50, 200];
var draws = 10;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--crops": root = args[i + 1]; break;
        case "--model" when args[i + 1].Split('=', 2) is [var lot, var model]: models.Add((lot, model)); break;
        case "--labels": sizes = args[i + 1].Split(',').Select(int.Parse).ToArray(); break;
        case "--draws": draws = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        default: return Usage();
    }
}
if (root is null || models.Count == 0 || args.Length % 2 != 0) return Usage();

var trainer = new LotHeadTrainer(new CalibrationOptions());
Console.WriteLine("| lot | model | generic, all crops | labels (of other spots) | generic on the scored spots | **calibrated on the scored spots**, mean (range) | heads fitted | the labels' own CV: generic -> calibrated | fit + CV time, median |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var (lot, modelPath) in models)
{
    using var model = new OnnxSpotClassifier(new ClassifierOptions { ModelPath = modelPath, IncludeEmbedding = true, Threads = 2 });
    var crops = new CropEvaluator(model).Evaluate(Path.Combine(root, lot));
    var examples = crops.Crops.Select(CalibrationExample.FromCrop).ToList();
    var spots = examples.Select(example => example.Spot).Distinct().Order(StringComparer.Ordinal).ToArray();
    foreach (var size in sizes)
    {
        var generic = new List<double>();
        var calibrated = new List<double>();
        var estimates = new List<CrossValidation>();
        var times = new List<double>();
        for (var draw = 0; draw < draws; draw++)
        {
            var random = new Random(draw);
            var shuffled = spots.ToArray();
            random.Shuffle(shuffled);
            var labelled = shuffled[..(shuffled.Length / 2)].ToHashSet();
            var pool = examples.Where(example => labelled.Contains(example.Spot)).ToArray();
            random.Shuffle(pool);
            var scored = examples.Where(example => !labelled.Contains(example.Spot)).ToList();
            LotHead? head = null;
            var clock = Stopwatch.StartNew();
            try
            {
                head = trainer.Fit(pool[..size], model.Identity);
                times.Add(clock.Elapsed.TotalMilliseconds);
                estimates.Add(head.CrossValidation);
            }
            catch (InvalidInputException)
            {
                // too few labels of a class in this draw: the lot keeps the generic verdicts
            }
            generic.Add(scored.Average(example => example.Generic.Status == example.Truth ? 1.0 : 0.0));
            calibrated.Add(scored.Average(example => (head?.Apply(example.Generic) ?? example.Generic).Status == example.Truth ? 1.0 : 0.0));
        }
        times.Sort();
        var estimate = estimates.Count == 0 ? "" : $"{estimates.Average(cv => cv.GenericAccuracy):P1} -> {estimates.Average(cv => cv.CalibratedAccuracy):P1}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {lot} | {Path.GetFileName(modelPath)} | {crops.Confusion.Accuracy:P1} ({crops.Confusion.Total:N0}) | {size} | {generic.Average():P1} | **{calibrated.Average():P1}** ({calibrated.Min():P1} - {calibrated.Max():P1}) | {estimates.Count} of {draws} | {estimate} | {(times.Count == 0 ? "" : $"{times[times.Count / 2]:0} ms")} |"));
    }
}
return 0;

static int Usage()
{
    Console.Error.WriteLine("usage: calibration-curve --crops ROOT --model LOT=MODEL.onnx [--model LOT=MODEL.onnx ...] [--labels 20,50,200] [--draws 10]");
    return 2;
}
