using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartSpot.Vision.Calibration;

/// <summary>
/// Reads and writes a <see cref="LotHead"/> as <c>lot-head.json</c>: <c>{"format": "smartspot-lot-head", "version": 1, "head": {...}}</c>
/// with the model's identity, the standardisation, weights and bias, the options and the cross-validation figures.
/// </summary>
public static class LotHeadFile
{
    public const string Format = "smartspot-lot-head";
    public const int Version = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Write(string path, LotHead head) => File.WriteAllText(path, ToJson(head));

    /// <summary>The document <see cref="Write"/> writes, as text (to keep a head elsewhere than in a file).</summary>
    public static string ToJson(LotHead head) => JsonSerializer.Serialize(new Document(Format, Version, head), Json);

    /// <summary>The head in <paramref name="path"/>; throws <see cref="InvalidInputException"/> saying what is wrong with a missing, foreign, newer or damaged file.</summary>
    public static LotHead Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"The lot head '{path}' does not exist. Make one with smartspot calibrate --crops DIR --out {Path.GetFileName(path)}.");
        }
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>The head in the document <paramref name="json"/> (<paramref name="name"/> says where it came from, for messages); throws like <see cref="Read"/>.</summary>
    public static LotHead Parse(string json, string name)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Json);
        }
        catch (JsonException error)
        {
            throw new InvalidInputException($"'{name}' is not a lot head: it is not valid JSON ({error.Message}). Make one with smartspot calibrate.", error);
        }
        if (document?.Format != Format)
        {
            throw new InvalidInputException($"'{name}' is not a lot head (its \"format\" is not \"{Format}\"). Make one with smartspot calibrate.");
        }
        if (document.Version != Version)
        {
            throw new InvalidInputException($"The lot head '{name}' has version {document.Version}; this SmartSpot reads version {Version}. Fit it again with this version (smartspot calibrate).");
        }
        var problem = Problem(document.Head);
        if (problem is not null)
        {
            throw new InvalidInputException($"The lot head '{name}' is damaged: {problem}. Fit it again (smartspot calibrate).");
        }
        return document.Head!;
    }

    private static string? Problem(LotHead? head)
    {
        if (head?.Model?.Sha256 is not { Length: > 0 } || head.Decision?.Scaling?.Mean is null || head.Decision.Scaling.Scale is null
            || head.Decision.Weights is null || head.Options is null || head.CrossValidation?.Generic is null || head.CrossValidation.Calibrated is null)
        {
            return "a part is missing (model, decision, options or crossValidation)";
        }
        var decision = head.Decision;
        if (decision.Weights.Length == 0 || decision.Scaling.Mean.Length != decision.Weights.Length || decision.Scaling.Scale.Length != decision.Weights.Length)
        {
            return $"its weights ({decision.Weights.Length}), means ({decision.Scaling.Mean.Length}) and scales ({decision.Scaling.Scale.Length}) differ in length";
        }
        if (!float.IsFinite(decision.Bias) || decision.Weights.Any(weight => !float.IsFinite(weight)) || decision.Scaling.Mean.Any(mean => !float.IsFinite(mean))
            || decision.Scaling.Scale.Any(scale => !float.IsFinite(scale) || scale <= 0))
        {
            return "a weight, mean or scale is not a finite number (or a scale is not positive)";
        }
        return null;
    }

    private sealed record Document(string? Format, int Version, LotHead? Head);
}
