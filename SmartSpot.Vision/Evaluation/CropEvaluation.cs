namespace SmartSpot.Vision.Evaluation;

/// <summary>The outcome of scoring a classifier on labelled crops.</summary>
/// <param name="Crops">Every readable crop with its verdict, in the order read (empty/ first, then occupied/, each by path).</param>
/// <param name="Skipped">Files that could not be read as images.</param>
public sealed record CropEvaluation(ConfusionMatrix Confusion, IReadOnlyList<CropVerdict> Crops, int Skipped);
