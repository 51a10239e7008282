using Microsoft.ML.OnnxRuntime;

namespace SmartSpot.Vision.Classification;

/// <summary>Classifies spot crops with the ONNX model, one batched run per frame; safe to share between threads.</summary>
/// <remarks>The model's contract (docs/model.md): input <c>crops</c> [N,3,H,W]; outputs <c>probabilities</c> [N,2] (free, occupied)
/// and, optionally, <c>embedding</c> [N,D], read only when <see cref="ClassifierOptions.IncludeEmbedding"/> asks for it.</remarks>
public sealed class OnnxSpotClassifier : ISpotClassifier, IDisposable
{
    public const string ProbabilitiesOutput = "probabilities";
    public const string EmbeddingOutput = "embedding";

    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string[] _outputNames;
    private readonly int _maxBatch;

    public OnnxSpotClassifier(ClassifierOptions options)
    {
        if (!File.Exists(options.ModelPath))
        {
            throw new InvalidInputException($"The model file '{options.ModelPath}' does not exist. Pass --model with a .onnx file or reinstall the program.");
        }
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.Threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            _session = new InferenceSession(options.ModelPath, sessionOptions);
        }
        catch (OnnxRuntimeException error)
        {
            throw new InvalidInputException($"The model file '{options.ModelPath}' is not a usable ONNX model ({FirstLine(error.Message)}). Use the shipped model or retrain with tools/train.", error);
        }
        (_inputName, InputHeight, InputWidth, EmbeddingLength) = ReadContract(options.ModelPath);
        _outputNames = options.IncludeEmbedding && EmbeddingLength > 0 ? [ProbabilitiesOutput, EmbeddingOutput] : [ProbabilitiesOutput];
        Identity = ModelIdentity.Of(options.ModelPath);
        _maxBatch = options.MaxBatch;
    }

    /// <summary>The model file this classifier runs (its hash): what a per-lot head is tied to.</summary>
    public ModelIdentity Identity { get; }

    /// <summary>Whether each verdict carries the embedding (asked for by <see cref="ClassifierOptions.IncludeEmbedding"/> and the model has one).</summary>
    public bool IncludesEmbedding => _outputNames.Length > 1;

    /// <summary>Height in pixels the model wants its crops at.</summary>
    public int InputHeight { get; }

    /// <summary>Width in pixels the model wants its crops at.</summary>
    public int InputWidth { get; }

    /// <summary>Floats in the model's embedding of one crop (D of <c>embedding</c> [N,D]); 0 when the model has none.</summary>
    public int EmbeddingLength { get; }

    /// <summary>Classifies every crop, in runs of at most <see cref="ClassifierOptions.MaxBatch"/> crops.</summary>
    public IReadOnlyList<SpotClassification> Classify(SpotCrops crops)
    {
        if (crops.Count == 0) return [];
        var tensor = crops.ToTensor(InputWidth, InputHeight);
        var floatsPerCrop = 3 * InputHeight * InputWidth;
        var verdicts = new SpotClassification[crops.Count];
        for (var first = 0; first < crops.Count; first += _maxBatch)
        {
            var count = Math.Min(_maxBatch, crops.Count - first);
            ClassifyBatch(tensor.Slice(first * floatsPerCrop, count * floatsPerCrop), verdicts.AsSpan(first, count));
        }
        return verdicts;
    }

    private void ClassifyBatch(Memory<float> tensor, Span<SpotClassification> verdicts)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, tensor, [verdicts.Length, 3, InputHeight, InputWidth]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_inputName], [input], _outputNames);
        var probabilities = outputs[0].GetTensorDataAsSpan<float>();
        var embeddings = outputs.Count > 1 ? outputs[1].GetTensorDataAsSpan<float>().ToArray() : [];
        for (var index = 0; index < verdicts.Length; index++)
        {
            var embedding = embeddings.Length > 0 ? embeddings.AsMemory(index * EmbeddingLength, EmbeddingLength) : default;
            verdicts[index] = SpotClassification.FromOccupiedProbability(probabilities[2 * index + 1], embedding);
        }
    }

    public void Dispose() => _session.Dispose();

    private (string Name, int Height, int Width, int EmbeddingLength) ReadContract(string path)
    {
        var (name, metadata) = _session.InputMetadata.First();
        var dimensions = metadata.Dimensions;
        var outputs = _session.OutputMetadata;
        var probabilities = outputs.GetValueOrDefault(ProbabilitiesOutput)?.Dimensions ?? [];
        var embedding = outputs.GetValueOrDefault(EmbeddingOutput)?.Dimensions ?? [0, 0];
        if (dimensions.Length != 4 || dimensions[1] != 3 || dimensions[2] <= 0 || dimensions[3] <= 0
            || probabilities.Length != 2 || probabilities[1] != 2 || embedding.Length != 2 || embedding[1] < 0)
        {
            _session.Dispose();
            var given = string.Join(", ", outputs.Select(output => $"{output.Key} [{string.Join(',', output.Value.Dimensions)}]"));
            throw new InvalidInputException(
                $"The model '{path}' takes [{string.Join(',', dimensions)}] and gives {given}; SmartSpot needs [N,3,H,W] crops in and '{ProbabilitiesOutput}' [N,2] out (optionally '{EmbeddingOutput}' [N,D]; docs/model.md).");
        }
        return (name, dimensions[2], dimensions[3], embedding[1]);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
