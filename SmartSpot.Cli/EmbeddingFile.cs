using System.Globalization;
using System.Text;
using SmartSpot.Vision;
using SmartSpot.Vision.Evaluation;

namespace SmartSpot.Cli;

/// <summary>Writes each evaluated crop's embedding, one row per crop in evaluation order: CSV (path, truth, said, confidence, e0..) or NumPy .npy (float32 [N, D]).</summary>
public static class EmbeddingFile
{
    /// <summary>Throws <see cref="InvalidInputException"/> unless <paramref name="path"/> names a kind of file <see cref="Write"/> writes (so it is said before the crops are read).</summary>
    public static void EnsureSupported(string path)
    {
        if (Path.GetExtension(path).ToLowerInvariant() is not (".csv" or ".npy"))
        {
            throw new InvalidInputException($"'{path}': --embeddings writes .csv or .npy files; name the file with one of those extensions.");
        }
    }

    public static void Write(string path, IReadOnlyList<CropVerdict> crops, int length)
    {
        EnsureSupported(path);
        if (Path.GetExtension(path).Equals(".npy", StringComparison.OrdinalIgnoreCase)) WriteNpy(path, crops, length);
        else File.WriteAllLines(path, CsvLines(crops, length));
    }

    private static IEnumerable<string> CsvLines(IReadOnlyList<CropVerdict> crops, int length)
    {
        yield return "path,truth,said,confidence," + string.Join(',', Enumerable.Range(0, length).Select(i => $"e{i}"));
        foreach (var crop in crops)
        {
            var values = string.Join(',', crop.Verdict.Embedding.ToArray().Select(value => value.ToString("R", CultureInfo.InvariantCulture)));
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{Quoted(crop.Path)},{CliOutput.Name(crop.Truth)},{CliOutput.Name(crop.Verdict.Status)},{crop.Verdict.Confidence},{values}");
        }
    }

    /// <summary>NumPy format 1.0: magic, header length, a Python dict literal padded to 64 bytes, then the little-endian data.</summary>
    private static void WriteNpy(string path, IReadOnlyList<CropVerdict> crops, int length)
    {
        var header = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({crops.Count}, {length}), }}";
        var padded = header.PadRight(64 * ((10 + header.Length + 1 + 63) / 64) - 10 - 1) + "\n";
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream);
        writer.Write((byte)0x93);
        writer.Write("NUMPY"u8);
        writer.Write((byte)1);
        writer.Write((byte)0);
        writer.Write((ushort)padded.Length);
        writer.Write(Encoding.ASCII.GetBytes(padded));
        foreach (var crop in crops)
        {
            foreach (var value in crop.Verdict.Embedding.Span) writer.Write(value);
        }
    }

    private static string Quoted(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
