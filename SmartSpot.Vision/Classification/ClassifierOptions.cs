using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Vision.Classification;

/// <summary>Where the model is and how ONNX Runtime runs it.</summary>
public sealed record ClassifierOptions
{
    /// <summary>The .onnx file. Default: the model shipped beside the program (Models/spot-classifier.onnx).</summary>
    public string ModelPath { get; init; } = DefaultModelPath;

    /// <summary>Threads one inference may use. Default 1: the other core decodes video.</summary>
    [Range(1, 64)]
    public int Threads { get; init; } = 1;

    public static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, "Models", "spot-classifier.onnx");
}
