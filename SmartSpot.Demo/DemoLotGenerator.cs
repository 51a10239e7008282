using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenCvSharp;

namespace SmartSpot.Demo;

/// <summary>
/// Makes the synthetic demo lot (video, mask, ground truth) in a directory on first use and reuses it afterwards.
/// Files are written under temporary names and renamed; a manifest naming the options is written last, so a crash
/// never leaves files that look complete.
/// </summary>
public sealed class DemoLotGenerator(DemoLotOptions options)
{
    public const string VideoFileName = "demo-lot.mp4";
    public const string MaskFileName = "demo-lot-mask.png";
    public const string GroundTruthFileName = "demo-lot-truth.json";
    public const string ManifestFileName = "demo-lot.manifest";

    /// <summary>MPEG-4 Part 2: the FFmpeg build OpenCV ships has no H.264 encoder; at its default rate (about 3 Mbit/s here) the model still reads every bay.</summary>
    private const string Codec = "mp4v";

    /// <summary>Bump when the drawing changes, so cached demos made by an older generator are replaced.</summary>
    private const int GeneratorVersion = 2;

    /// <summary>One lock per demo folder (full path): two generations of one folder would race for its files, while generations of different folders need not wait for each other.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lock> Generating = new();

    /// <summary>A temporary file untouched this long belongs to a generation that died.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    /// <summary>The bays the mask will hold (same ids and rectangles), known without rendering anything.</summary>
    public IReadOnlyList<DemoBay> Bays => new DemoLotLayout(options).Bays;

    /// <summary>The demo lot in <paramref name="directory"/>: the existing files when they were made with these options, else new ones.</summary>
    public DemoLot EnsureGenerated(string directory)
    {
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        Directory.CreateDirectory(directory);
        var lot = new DemoLot(
            Path.Combine(directory, VideoFileName),
            Path.Combine(directory, MaskFileName),
            Path.Combine(directory, GroundTruthFileName));
        var manifest = Path.Combine(directory, ManifestFileName);
        var key = Key();
        lock (Generating.GetOrAdd(Path.GetFullPath(directory), _ => new Lock()))
        {
            if (IsComplete(lot, manifest, key)) return lot;
            File.Delete(manifest);
            DeleteAbandonedTemporaries(directory);
            var stamp = Guid.NewGuid().ToString("N");
            string Temporary(string path) => Path.Combine(directory, $".{Path.GetFileNameWithoutExtension(path)}.{stamp}{Path.GetExtension(path)}");
            var temporary = new DemoLot(Temporary(lot.VideoPath), Temporary(lot.MaskPath), Temporary(lot.GroundTruthPath));
            try
            {
                var truth = new DemoLotRenderer(options).Render(temporary.VideoPath, Codec);
                truth.Save(temporary.GroundTruthPath);
                WriteMask(truth, temporary.MaskPath);
                File.Move(temporary.VideoPath, lot.VideoPath, overwrite: true);
                File.Move(temporary.MaskPath, lot.MaskPath, overwrite: true);
                File.Move(temporary.GroundTruthPath, lot.GroundTruthPath, overwrite: true);
                var temporaryManifest = Temporary(manifest);
                File.WriteAllText(temporaryManifest, key);
                File.Move(temporaryManifest, manifest, overwrite: true);
            }
            finally
            {
                foreach (var path in new[] { temporary.VideoPath, temporary.MaskPath, temporary.GroundTruthPath })
                {
                    File.Delete(path);
                }
            }
        }
        return lot;
    }

    /// <summary>Temporary files an interrupted generation left behind (old enough that no other process is still writing them).</summary>
    private static void DeleteAbandonedTemporaries(string directory)
    {
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles(".demo-lot*"))
        {
            if (file.LastWriteTimeUtc < DateTime.UtcNow - AbandonedAfter) file.Delete();
        }
    }

    /// <summary>Generator version and options, hashed: the same key means the same files.</summary>
    private string Key()
    {
        var text = $"{GeneratorVersion}:{JsonSerializer.Serialize(options)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static bool IsComplete(DemoLot lot, string manifest, string key) =>
        File.Exists(manifest) && File.ReadAllText(manifest) == key
        && File.Exists(lot.VideoPath) && File.Exists(lot.MaskPath) && File.Exists(lot.GroundTruthPath);

    /// <summary>One white filled rectangle per bay on black, at the video's size.</summary>
    private static void WriteMask(DemoGroundTruth truth, string path)
    {
        using var mask = new Mat(truth.Height, truth.Width, MatType.CV_8UC1, Scalar.All(0));
        foreach (var bay in truth.Bays)
        {
            Cv2.Rectangle(mask, bay.Box, Scalar.All(255), -1);
        }
        if (!Cv2.ImWrite(path, mask))
        {
            throw new InvalidOperationException($"OpenCV cannot write the mask '{path}'.");
        }
    }
}
