using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Evaluation;

namespace SmartSpot.Vision.Calibration;

/// <summary>
/// Fits a lot's head on its labelled crops: standardise the embeddings, fit an L2 logistic regression, and measure
/// generic against calibrated accuracy by k-fold cross-validation grouped by spot (a fold whose other folds hold too
/// few labels of a class keeps the generic verdicts, as the lot would). Deterministic; a few hundred labels take well under a second.
/// </summary>
public sealed class LotHeadTrainer(CalibrationOptions options)
{
    /// <summary>Seeds the dealing of spots into folds, so the same labels always give the same figures.</summary>
    private const int FoldSeed = 1234;

    /// <summary>
    /// The head for <paramref name="model"/>'s embeddings in <paramref name="examples"/>. Throws <see cref="InvalidInputException"/>
    /// when a class has fewer than <see cref="CalibrationOptions.MinimumPerClass"/> labels or the examples carry no embedding.
    /// </summary>
    public LotHead Fit(IReadOnlyList<CalibrationExample> examples, ModelIdentity model)
    {
        EnsureFittable(examples);
        var crossValidation = CrossValidate(examples);
        return new LotHead(model, LogisticHead.Fit(examples, options.L2), options, crossValidation);
    }

    private void EnsureFittable(IReadOnlyList<CalibrationExample> examples)
    {
        var length = examples.Count == 0 ? 0 : examples[0].Generic.Embedding.Length;
        if (examples.Count > 0 && length == 0)
        {
            throw new InvalidInputException("The labelled crops carry no embedding: the model has no 'embedding' output (or it was not asked for). Use a model with one (v4 or later, docs/model.md).");
        }
        if (examples.Any(example => example.Generic.Embedding.Length != length))
        {
            throw new InvalidInputException("The labelled crops' embeddings differ in length: they come from different models. Embed every crop with the same model.");
        }
        var free = examples.Count(example => example.Truth == SpotStatus.Free);
        var occupied = examples.Count - free;
        if (!HasEnough(free, occupied))
        {
            throw new InvalidInputException(
                $"Calibration needs at least {options.MinimumPerClass} labelled crops of each class; there are {free} free and {occupied} occupied. Label more {(free < options.MinimumPerClass ? "free" : "occupied")} crops (until then the generic model's verdicts stand).");
        }
    }

    private bool HasEnough(int free, int occupied) => free >= options.MinimumPerClass && occupied >= options.MinimumPerClass;

    private CrossValidation CrossValidate(IReadOnlyList<CalibrationExample> examples)
    {
        var spots = examples.Select(example => example.Spot).Distinct().Order(StringComparer.Ordinal).ToArray();
        new Random(FoldSeed).Shuffle(spots);
        var folds = Math.Min(options.Folds, spots.Length);
        var foldOf = spots.Select((spot, index) => (spot, index)).ToDictionary(pair => pair.spot, pair => pair.index % folds);
        var calibrated = new SpotClassification[examples.Count];
        var keptGeneric = 0;
        for (var fold = 0; fold < folds; fold++)
        {
            var training = examples.Where(example => foldOf[example.Spot] != fold).ToList();
            var free = training.Count(example => example.Truth == SpotStatus.Free);
            var head = folds > 1 && HasEnough(free, training.Count - free) ? LogisticHead.Fit(training, options.L2) : null;
            if (head is null) keptGeneric++;
            for (var index = 0; index < examples.Count; index++)
            {
                if (foldOf[examples[index].Spot] == fold) calibrated[index] = head?.Apply(examples[index].Generic) ?? examples[index].Generic;
            }
        }
        var generic = examples.Select(example => new CropVerdict(example.Spot, example.Truth, example.Generic)).ToList();
        var outOfFold = examples.Select((example, index) => new CropVerdict(example.Spot, example.Truth, calibrated[index])).ToList();
        return new CrossValidation(folds, spots.Length, keptGeneric, ConfusionMatrix.Of(generic), ConfusionMatrix.Of(outOfFold),
            Reliability.Of(generic).ExpectedCalibrationError, Reliability.Of(outOfFold).ExpectedCalibrationError);
    }
}
