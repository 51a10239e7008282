using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Vision.Classification;

/// <summary>Where the model is and how ONNX Runtime runs it.</summary>
public sealed record ClassifierOptions
{
    /// <summary>The .onnx file. Default: the model shipped beside the program (Models/spot-classifier.onnx).</summary>
    public string ModelPath { get; init; } = DefaultModelPath;

    /// <summary>
    /// A small, fast .onnx model to run before <see cref="ModelPath"/>'s (a cascade, see <see cref="CascadeSpotClassifier"/>).
    /// Default: the shipped fast model (Models/spot-classifier-fast.onnx) when it is installed; null or empty runs the model alone.
    /// </summary>
    public string? FastModelPath { get; init; } = File.Exists(DefaultFastModelPath) ? DefaultFastModelPath : null;

    /// <summary>Threads one inference may use. Default 1: the other core decodes video.</summary>
    [Range(1, 64)]
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Crops per inference run. Default 64: a lot's first frame (every spot at once) then needs ONNX Runtime's
    /// working memory for 64 crops, not for all of them (396 on lot-a), at no
    /// measurable cost in speed on a CPU (peak memory of `smartspot analyze` on lot-a: 347 MB with one run of all, 226 MB).
    /// </summary>
    [Range(1, 4096)]
    public int MaxBatch { get; init; } = 64;

    /// <summary>Whether each verdict carries the model's <c>embedding</c> output (for per-lot heads). Default false: nobody reads it, so it is not copied.</summary>
    public bool IncludeEmbedding { get; init; }

    public static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, "Models", "spot-classifier.onnx");

    /// <summary>The shipped fast model (Models/spot-classifier-fast.onnx) that makes a cascade with the shipped model.</summary>
    public static string DefaultFastModelPath => Path.Combine(AppContext.BaseDirectory, "Models", "spot-classifier-fast.onnx");
}
