using System.Security.Cryptography;

namespace SmartSpot.Vision.Classification;

/// <summary>Which model file made an embedding: its SHA-256, so a per-lot head never reads another model's embeddings.</summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the .onnx file's bytes.</param>
/// <param name="File">The file's name (not its path), for messages only.</param>
public sealed record ModelIdentity(string Sha256, string File)
{
    /// <summary>The identity of the .onnx file at <paramref name="path"/>.</summary>
    public static ModelIdentity Of(string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        return new ModelIdentity(Convert.ToHexStringLower(SHA256.HashData(stream)), Path.GetFileName(path));
    }

    /// <summary>Whether both name the same model bytes (the file name does not matter).</summary>
    public bool IsSameModel(ModelIdentity other) => string.Equals(Sha256, other.Sha256, StringComparison.OrdinalIgnoreCase);

    /// <summary>"spot-classifier.onnx (sha256 3f2a9c01b7d4…)".</summary>
    public override string ToString() => $"{File} (sha256 {Sha256[..Math.Min(12, Sha256.Length)]}…)";
}
