using System.Text.Json;
using OpenCvSharp;

namespace SmartSpot.Tests.Cli;

public sealed class EvalCommandTests
{
    private static readonly string TinyModel = Path.Combine(AppContext.BaseDirectory, "TestData", "tiny-classifier.onnx");

    private static string DrawnCrops(int freeCount, int occupiedCount)
    {
        var directory = TestPaths.TempDirectory();
        foreach (var (label, count, colour) in new[] { ("empty", freeCount, SyntheticLot.Asphalt), ("occupied", occupiedCount, SyntheticLot.Car) })
        {
            Directory.CreateDirectory(Path.Combine(directory, label));
            for (var i = 0; i < count; i++)
            {
                using var crop = new Mat(new Size(60, 30), MatType.CV_8UC3, colour);
                Cv2.ImWrite(Path.Combine(directory, label, $"{i}.png"), crop);
            }
        }
        return directory;
    }

    [Fact]
    public async Task Eval_Json_ReportsAccuracyTotalAndConfusion()
    {
        var crops = DrawnCrops(3, 2);

        var outcome = await CliProcess.RunAsync("eval", "--crops", crops, "--model", TinyModel, "--json");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        using var result = JsonDocument.Parse(outcome.Stdout);
        Assert.Equal(5, result.RootElement.GetProperty("total").GetInt32());
        var confusion = result.RootElement.GetProperty("confusion");
        var counted = confusion.EnumerateObject().Sum(cell => cell.Value.GetInt32());
        Assert.Equal(5, counted);
        var correct = confusion.GetProperty("freeAsFree").GetInt32() + confusion.GetProperty("occupiedAsOccupied").GetInt32();
        Assert.Equal(correct / 5.0, result.RootElement.GetProperty("accuracy").GetDouble(), 4);
    }

    [Fact]
    public async Task Eval_EmbeddingsCsv_OneRowPerCropInTheJsonOrder()
    {
        var crops = DrawnCrops(2, 1);
        var output = Path.Combine(TestPaths.TempDirectory(), "embeddings.csv");

        var outcome = await CliProcess.RunAsync("eval", "--crops", crops, "--model", TinyModel, "--json", "--embeddings", output);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        using var result = JsonDocument.Parse(outcome.Stdout);
        var listed = result.RootElement.GetProperty("crops").EnumerateArray().Select(crop => crop.GetProperty("path").GetString()).ToList();
        var lines = File.ReadAllLines(output);
        Assert.Equal("path,truth,said,confidence,e0,e1,e2", lines[0]);
        Assert.Equal(listed, lines.Skip(1).Select(line => line.Split(',')[0]));
        Assert.Equal([Path.Combine("empty", "0.png"), "free", "free"], lines[1].Split(',')[..3]);
        Assert.Equal(["60", "60", "60"], lines[1].Split(',')[4..]);
        Assert.Equal(["230", "230", "230"], lines[3].Split(',')[4..]);
    }

    [Fact]
    public async Task Eval_EmbeddingsNpy_WritesAFloat32ArrayOfCropsByD()
    {
        var crops = DrawnCrops(1, 1);
        var output = Path.Combine(TestPaths.TempDirectory(), "embeddings.npy");

        var outcome = await CliProcess.RunAsync("eval", "--crops", crops, "--model", TinyModel, "--embeddings", output);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        var bytes = File.ReadAllBytes(output);
        var headerLength = BitConverter.ToUInt16(bytes, 8);
        var header = System.Text.Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.Equal(0, (10 + headerLength) % 64);
        Assert.Contains("'descr': '<f4'", header);
        Assert.Contains("'shape': (2, 3)", header);
        var values = Enumerable.Range(0, 6).Select(i => BitConverter.ToSingle(bytes, 10 + headerLength + 4 * i));
        Assert.Equal([60f, 60f, 60f, 230f, 230f, 230f], values);
    }

    [Fact]
    public async Task Eval_EmbeddingsWithAnotherExtension_SaysWhichAreWritten()
    {
        var crops = DrawnCrops(1, 1);

        var outcome = await CliProcess.RunAsync("eval", "--crops", crops, "--model", TinyModel, "--embeddings", Path.Combine(TestPaths.TempDirectory(), "e.txt"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(".csv or .npy", outcome.ErrorLine);
    }

    [Fact]
    public async Task Eval_Text_ShowsTheConfidenceBins()
    {
        var crops = DrawnCrops(2, 2);

        var outcome = await CliProcess.RunAsync("eval", "--crops", crops, "--model", TinyModel);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Contains("calibration error", outcome.Stdout);
        Assert.Contains("0.9-1.0       4 crops", outcome.Stdout);
    }

    [Fact]
    public async Task Eval_FolderWithoutOccupied_SaysBothFoldersAreNeeded()
    {
        var crops = DrawnCrops(2, 0);
        Directory.Delete(Path.Combine(crops, "occupied"));

        var outcome = await CliProcess.RunAsync("eval", "--crops", crops, "--model", TinyModel);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("'occupied'", outcome.ErrorLine);
    }
}
