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
    public async Task Eval_FolderWithoutOccupied_SaysBothFoldersAreNeeded()
    {
        var crops = DrawnCrops(2, 0);
        Directory.Delete(Path.Combine(crops, "occupied"));

        var outcome = await CliProcess.RunAsync("eval", "--crops", crops, "--model", TinyModel);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("'occupied'", Assert.Single(outcome.StderrLines));
    }
}
