namespace SmartSpot.Vision.Evaluation;

/// <summary>The outcome of scoring a classifier on labelled crops.</summary>
/// <param name="Skipped">Files that could not be read as images.</param>
public sealed record CropEvaluation(ConfusionMatrix Confusion, int Skipped);
