using SmartSpot.Vision;
using SmartSpot.Vision.Calibration;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Evaluation;

namespace SmartSpot.Tests.Vision.Calibration;

public sealed class LotHeadTrainerTests
{
    private static readonly ModelIdentity Model = new("ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12", "test.onnx");

    /// <summary>
    /// Crops of a lot where the generic model calls everything occupied (the lot's painted bays fool it) while the first
    /// embedding feature tells the truth: occupied crops sit at +<paramref name="separation"/>/2, free at -<paramref name="separation"/>/2,
    /// each with unit Gaussian noise; the other features are noise. Spots alternate free and occupied.
    /// </summary>
    private static List<CalibrationExample> Lot(int seed, int spots, int cropsPerSpot, double separation, int dimensions = 8, string spotPrefix = "s")
    {
        var random = new Random(seed);
        var examples = new List<CalibrationExample>();
        for (var spot = 0; spot < spots; spot++)
        {
            var truth = spot % 2 == 0 ? SpotStatus.Free : SpotStatus.Occupied;
            for (var crop = 0; crop < cropsPerSpot; crop++)
            {
                var embedding = Enumerable.Range(0, dimensions).Select(_ => (float)Gaussian(random)).ToArray();
                embedding[0] += (float)(truth == SpotStatus.Occupied ? separation / 2 : -separation / 2);
                var generic = new SpotClassification(SpotStatus.Occupied, 0.9f) { Embedding = embedding };
                examples.Add(new CalibrationExample(generic, truth, $"{spotPrefix}{spot}"));
            }
        }
        return examples;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double Accuracy(LotHead head, IEnumerable<CalibrationExample> examples) =>
        examples.Average(example => head.Apply(example.Generic).Status == example.Truth ? 1.0 : 0.0);

    [Fact]
    public void Fit_SeparableEmbeddings_CorrectsEveryGenericErrorOnSpotsItNeverSaw()
    {
        var labelled = Lot(seed: 1, spots: 10, cropsPerSpot: 4, separation: 12);
        var unseen = Lot(seed: 2, spots: 20, cropsPerSpot: 10, separation: 12, spotPrefix: "other");

        var head = new LotHeadTrainer(new CalibrationOptions()).Fit(labelled, Model);

        Assert.Equal(1.0, Accuracy(head, unseen));
        Assert.Equal(0.5, head.CrossValidation.GenericAccuracy);
        Assert.InRange(head.CrossValidation.CalibratedAccuracy, 0.95, 1.0);
        Assert.Equal((40, 20, 20, 10, 5), (head.CrossValidation.Labels, head.CrossValidation.FreeLabels, head.CrossValidation.OccupiedLabels, head.CrossValidation.Spots, head.CrossValidation.Folds));
        Assert.Equal(Model, head.Model);
        Assert.Equal(8, head.EmbeddingLength);
    }

    [Fact]
    public void Fit_OverlappingEmbeddings_ReachesTheBestPossibleAccuracyWithHonestConfidence()
    {
        // Classes one standard deviation either side of 0 on one feature: no rule can beat Φ(1) = 84.1 %.
        var labelled = Lot(seed: 3, spots: 20, cropsPerSpot: 10, separation: 2);
        var unseen = Lot(seed: 4, spots: 100, cropsPerSpot: 20, separation: 2, spotPrefix: "other");

        var head = new LotHeadTrainer(new CalibrationOptions()).Fit(labelled, Model);

        var verdicts = unseen.Select(example => head.Apply(example.Generic)).ToList();
        var accuracy = Accuracy(head, unseen);
        Assert.InRange(accuracy, 0.78, 0.845);
        Assert.InRange(verdicts.Average(verdict => verdict.Confidence), accuracy - 0.08, accuracy + 0.08);
        Assert.All(head.Decision.Weights, weight => Assert.True(float.IsFinite(weight)));
        Assert.InRange(head.CrossValidation.CalibratedAccuracy, 0.7, 0.9);
    }

    [Fact]
    public void Fit_CrossValidation_NeverScoresASpotOnAHeadFittedOnIt()
    {
        // Each spot's crops are identical, a random point in 40 dimensions, and its label is a coin toss: a head that had seen
        // a spot would recall its label, a head that had not can only guess. So only a leak could score well above chance.
        var random = new Random(5);
        var examples = new List<CalibrationExample>();
        for (var spot = 0; spot < 40; spot++)
        {
            var embedding = Enumerable.Range(0, 40).Select(_ => (float)Gaussian(random)).ToArray();
            var truth = random.Next(2) == 0 ? SpotStatus.Free : SpotStatus.Occupied;
            var generic = new SpotClassification(SpotStatus.Occupied, 0.9f) { Embedding = embedding };
            examples.AddRange(Enumerable.Repeat(new CalibrationExample(generic, truth, $"s{spot}"), 5));
        }

        var head = new LotHeadTrainer(new CalibrationOptions()).Fit(examples, Model);

        Assert.True(Accuracy(head, examples) > 0.95, "the head recalls the spots it was fitted on");
        Assert.InRange(head.CrossValidation.CalibratedAccuracy, 0.2, 0.75);
        Assert.Equal(0, head.CrossValidation.FoldsKeptGeneric);
    }

    [Fact]
    public void Fit_AClassOnlyOnOneSpot_ThatSpotsFoldKeepsTheGenericVerdict()
    {
        var examples = Lot(seed: 6, spots: 10, cropsPerSpot: 5, separation: 12)
            .Where(example => example.Truth == SpotStatus.Occupied || example.Spot == "s0").ToList();

        var head = new LotHeadTrainer(new CalibrationOptions()).Fit(examples, Model);

        Assert.Equal(1, head.CrossValidation.FoldsKeptGeneric);
        Assert.Equal(5, head.CrossValidation.Calibrated.FreeAsOccupied);
        Assert.Equal(25, head.CrossValidation.Calibrated.OccupiedAsOccupied);
    }

    [Fact]
    public void Fit_TooFewOfAClass_RefusesAndSaysTheGenericVerdictsStand()
    {
        var examples = Lot(seed: 7, spots: 10, cropsPerSpot: 2, separation: 12).Where(example => example.Truth == SpotStatus.Free || example.Spot is "s1" or "s3").ToList();

        var error = Assert.Throws<InvalidInputException>(() => new LotHeadTrainer(new CalibrationOptions()).Fit(examples, Model));

        Assert.Contains("at least 5 labelled crops of each class; there are 10 free and 4 occupied", error.Message);
        Assert.Contains("Label more occupied crops", error.Message);
        Assert.Contains("generic model's verdicts stand", error.Message);
    }

    [Fact]
    public void Fit_VerdictsWithoutEmbeddings_SaysTheModelNeedsAnEmbeddingOutput()
    {
        var examples = Lot(seed: 8, spots: 10, cropsPerSpot: 2, separation: 12)
            .Select(example => example with { Generic = example.Generic with { Embedding = default } }).ToList();

        var error = Assert.Throws<InvalidInputException>(() => new LotHeadTrainer(new CalibrationOptions()).Fit(examples, Model));

        Assert.Contains("no embedding", error.Message);
    }

    [Fact]
    public void Fit_SharedLot_SixtyCropsOfHalfTheSpotsCorrectTheOtherHalf()
    {
        // The tiny test model was never trained (it calls bright crops occupied) and its embedding is each channel's mean:
        // so no model here has seen the lot, and the head has only colour to go on.
        var crops = Path.Combine(TestPaths.RequireSharedData(), "crops", "vsb-ostrava");
        using var model = new OnnxSpotClassifier(new ClassifierOptions { ModelPath = Path.Combine(AppContext.BaseDirectory, "TestData", "tiny-classifier.onnx"), IncludeEmbedding = true });
        var examples = new CropEvaluator(model).Evaluate(crops).Crops.Select(CalibrationExample.FromCrop).ToList();
        var spots = examples.Select(example => example.Spot).Distinct().Order(StringComparer.Ordinal).ToList();
        var labelledSpots = spots.Where((_, index) => index % 2 == 0).ToHashSet();
        var labelled = examples.Where(example => labelledSpots.Contains(example.Spot)).ToArray();
        new Random(9).Shuffle(labelled);
        var scored = examples.Where(example => !labelledSpots.Contains(example.Spot)).ToList();

        var head = new LotHeadTrainer(new CalibrationOptions()).Fit(labelled[..60], model.Identity);

        var generic = scored.Average(example => example.Generic.Status == example.Truth ? 1.0 : 0.0);
        var calibrated = Accuracy(head, scored);
        Assert.Equal(56, spots.Count);
        Assert.True(calibrated > generic + 0.25, $"generic {generic:P1}, calibrated {calibrated:P1} on {scored.Count} crops of 28 spots the head never saw");
    }
}
