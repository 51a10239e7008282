using Microsoft.ML.OnnxRuntime;

namespace SmartSpot.Vision.Classification;

/// <summary>Classifies spot crops with the ONNX model, one batched run per frame; safe to share between threads.</summary>
public sealed class OnnxSpotClassifier : ISpotClassifier, IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string _outputName;

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
        (_inputName, InputHeight, InputWidth) = ReadInputContract(options.ModelPath);
        _outputName = _session.OutputMetadata.Keys.First();
    }

    /// <summary>Height in pixels the model wants its crops at.</summary>
    public int InputHeight { get; }

    /// <summary>Width in pixels the model wants its crops at.</summary>
    public int InputWidth { get; }

    public IReadOnlyList<SpotClassification> Classify(SpotCrops crops)
    {
        if (crops.Count == 0) return [];
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, crops.ToTensor(InputWidth, InputHeight), [crops.Count, 3, InputHeight, InputWidth]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_inputName], [input], [_outputName]);
        var probabilities = outputs[0].GetTensorDataAsSpan<float>();
        var verdicts = new SpotClassification[crops.Count];
        for (var index = 0; index < crops.Count; index++)
        {
            verdicts[index] = SpotClassification.FromOccupiedProbability(probabilities[2 * index + 1]);
        }
        return verdicts;
    }

    public void Dispose() => _session.Dispose();

    private (string Name, int Height, int Width) ReadInputContract(string path)
    {
        var (name, metadata) = _session.InputMetadata.First();
        var dimensions = metadata.Dimensions;
        var outputDimensions = _session.OutputMetadata.Values.First().Dimensions;
        if (dimensions.Length != 4 || dimensions[1] != 3 || dimensions[2] <= 0 || dimensions[3] <= 0
            || outputDimensions.Length != 2 || outputDimensions[1] != 2)
        {
            _session.Dispose();
            throw new InvalidInputException(
                $"The model '{path}' takes [{string.Join(',', dimensions)}] and gives [{string.Join(',', outputDimensions)}]; SmartSpot needs [N,3,H,W] crops in and [N,2] probabilities out (docs/model.md).");
        }
        return (name, dimensions[2], dimensions[3]);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
