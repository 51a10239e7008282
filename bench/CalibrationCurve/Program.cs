// Per-lot calibration on the shared crop sets. For each lot, a model judges every crop (best a leave-one-lot-out checkpoint
// that never saw the lot); then, in each of D draws, N labelled crops are drawn from some of the lot's spots, a head is
// fitted on them (LotHeadTrainer, the defaults `smartspot calibrate` uses), and generic and calibrated accuracy are
// measured on ALL crops of the other spots: never on a spot the head saw. Which spots are scored:
//   - by default, each draw splits the lot's spots at random into two halves: labels from one, scores on the other;
//   - with --scored LOT=LIST (a tools/train/splits/*-holdout.txt file), always the spots of the listed crops (for a model
//     trained on everything else of the lot, e.g. the shipped one), labels from all other spots.
// Prints a Markdown table: mean and range over the draws of the calibrated accuracy and of its gain over the generic
// model on the same crops, and what the head's own cross-validation on its N labels estimated.
//
// usage: calibration-curve --crops ROOT --model LOT=MODEL.onnx [--model ...] [--scored LOT=LIST.txt ...] [--labels 20,50,200] [--draws 10] [--l2 1]
//   e.g. --crops ../shared/data/crops --model vsb-ostrava=tools/train/runs/r3-geo-without-vsb-ostrava.onnx
using System.Globalization;
using SmartSpot.Vision;
using SmartSpot.Vision.Calibration;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Evaluation;

string? root = null;
var models = new List<(string Lot, string Model)>();
var scoredLists = new Dictionary<string, string>();
int[] sizes = [20, 50, 200];
double[] penalties = [new CalibrationOptions().L2];
var draws = 10;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--crops": root = args[i + 1]; break;
        case "--model" when args[i + 1].Split('=', 2) is [var lot, var model]: models.Add((lot, model)); break;
        case "--scored" when args[i + 1].Split('=', 2) is [var lot, var list]: scoredLists[lot] = list; break;
        case "--labels": sizes = args[i + 1].Split(',').Select(int.Parse).ToArray(); break;
        case "--l2": penalties = args[i + 1].Split(',').Select(value => double.Parse(value, CultureInfo.InvariantCulture)).ToArray(); break;
        case "--draws": draws = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        default: return Usage();
    }
}
if (root is null || models.Count == 0 || args.Length % 2 != 0) return Usage();

Console.WriteLine("| lot | model | generic, all crops | scored spots | labels (of other spots) | L2 | generic on the scored spots | **calibrated**, mean (range) | gain, mean (range) | heads fitted | the labels' own CV: generic -> calibrated |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var (lot, modelPath) in models)
{
    using var model = new OnnxSpotClassifier(new ClassifierOptions { ModelPath = modelPath, IncludeEmbedding = true, Threads = 2 });
    var crops = new CropEvaluator(model).Evaluate(Path.Combine(root, lot));
    var examples = crops.Crops.Select(CalibrationExample.FromCrop).ToList();
    var spots = examples.Select(example => example.Spot).Distinct().Order(StringComparer.Ordinal).ToArray();
    var fixedScored = scoredLists.TryGetValue(lot, out var list)
        ? File.ReadLines(list).Where(line => line.Length > 0)
            .Select(line => CalibrationExample.FromCrop(new CropVerdict(string.Join('/', line.Split('/')[1..]), SpotStatus.Free, default)).Spot).ToHashSet()
        : null;
    foreach (var l2 in penalties)
    {
        var trainer = new LotHeadTrainer(new CalibrationOptions { L2 = l2 });
        foreach (var size in sizes)
        {
            var generic = new List<double>();
            var calibrated = new List<double>();
            var estimates = new List<CrossValidation>();
            var scoredSpots = 0;
            for (var draw = 0; draw < draws; draw++)
            {
                var random = new Random(draw);
                var shuffled = spots.ToArray();
                random.Shuffle(shuffled);
                var scoredSet = fixedScored ?? shuffled[(shuffled.Length / 2)..].ToHashSet();
                scoredSpots = scoredSet.Count;
                var pool = examples.Where(example => !scoredSet.Contains(example.Spot)).ToArray();
                random.Shuffle(pool);
                var scored = examples.Where(example => scoredSet.Contains(example.Spot)).ToList();
                LotHead? head = null;
                try
                {
                    head = trainer.Fit(pool[..size], model.Identity);
                    estimates.Add(head.CrossValidation);
                }
                catch (InvalidInputException)
                {
                    // too few labels of a class in this draw: the lot keeps the generic verdicts
                }
                generic.Add(scored.Average(example => example.Generic.Status == example.Truth ? 1.0 : 0.0));
                calibrated.Add(scored.Average(example => (head?.Apply(example.Generic) ?? example.Generic).Status == example.Truth ? 1.0 : 0.0));
            }
            var gains = calibrated.Zip(generic, (after, before) => after - before).ToList();
            var estimate = estimates.Count == 0 ? "" : $"{estimates.Average(cv => cv.GenericAccuracy):P1} -> {estimates.Average(cv => cv.CalibratedAccuracy):P1}";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {lot} | {Path.GetFileName(modelPath)} | {crops.Confusion.Accuracy:P1} ({crops.Confusion.Total:N0}) | {(fixedScored is null ? "a random half" : "held out")} ({scoredSpots} of {spots.Length}) | {size} | {l2:0.###} | {generic.Average():P1} | **{calibrated.Average():P1}** ({calibrated.Min():P1} - {calibrated.Max():P1}) | {Points(gains.Average())} ({Points(gains.Min())} to {Points(gains.Max())}) | {estimates.Count} of {draws} | {estimate} |"));
        }
    }
}
return 0;

static string Points(double gain) => string.Create(CultureInfo.InvariantCulture, $"{100 * gain:+0.0;-0.0;0.0}");

static int Usage()
{
    Console.Error.WriteLine("usage: calibration-curve --crops ROOT --model LOT=MODEL.onnx [--model ...] [--scored LOT=LIST.txt ...] [--labels 20,50,200] [--draws 10] [--l2 1]");
    return 2;
}
