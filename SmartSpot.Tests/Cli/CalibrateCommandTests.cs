using System.Text.Json;
using System.Text.Json.Nodes;
using OpenCvSharp;

namespace SmartSpot.Tests.Cli;

/// <summary>
/// <c>smartspot calibrate</c> and <c>--head</c> on a drawn lot that fools the tiny model (which calls bright crops occupied):
/// its empty bays are bright yellow paint and its cars dark red, so the generic model is wrong on every crop, while the
/// embedding (the mean of each channel) tells them apart.
/// </summary>
public sealed class CalibrateCommandTests
{
    private static readonly string TinyModel = Path.Combine(AppContext.BaseDirectory, "TestData", "tiny-classifier.onnx");
    private static readonly Scalar Paint = new(60, 220, 230);
    private static readonly Scalar DarkCar = new(40, 30, 170);

    /// <summary>Crops <c>f{frame}_s{spot}.png</c> of spots <paramref name="firstSpot"/>.. (even spots empty, odd occupied), each colour jittered by up to ±20.</summary>
    private static string DrawnCrops(int seed, int firstSpot, int spots, int framesPerSpot, string? directory = null)
    {
        directory ??= TestPaths.TempDirectory();
        var random = new Random(seed);
        for (var spot = firstSpot; spot < firstSpot + spots; spot++)
        {
            var (label, colour) = spot % 2 == 0 ? ("empty", Paint) : ("occupied", DarkCar);
            Directory.CreateDirectory(Path.Combine(directory, label));
            for (var frame = 0; frame < framesPerSpot; frame++)
            {
                var jittered = new Scalar(colour.Val0 + random.Next(-20, 21), colour.Val1 + random.Next(-20, 21), colour.Val2 + random.Next(-20, 21));
                using var crop = new Mat(new Size(40, 24), MatType.CV_8UC3, jittered);
                Cv2.ImWrite(Path.Combine(directory, label, $"f{frame}_s{spot}.png"), crop);
            }
        }
        return directory;
    }

    private static async Task<string> CalibratedHeadAsync()
    {
        var head = Path.Combine(TestPaths.TempDirectory(), "lot-head.json");
        var outcome = await CliProcess.RunAsync("calibrate", "--crops", DrawnCrops(1, 0, 10, 4), "--model", TinyModel, "--out", head);
        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        return head;
    }

    [Fact]
    public async Task Calibrate_DrawnLot_WritesTheHeadAndPrintsGenericAgainstCalibrated()
    {
        var head = Path.Combine(TestPaths.TempDirectory(), "lot-head.json");

        var outcome = await CliProcess.RunAsync("calibrate", "--crops", DrawnCrops(1, 0, 10, 4), "--model", TinyModel, "--out", head);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Contains("generic 0.0 %, calibrated 100.0 % on 40 labels (20 free, 20 occupied) of 10 spots, cross-validated in 5 folds by spot", outcome.Stdout);
        Assert.Contains("tiny-classifier.onnx", outcome.Stdout);
        Assert.True(File.Exists(head));
    }

    [Fact]
    public async Task Calibrate_Json_GivesTheCrossValidatedFigures()
    {
        var head = Path.Combine(TestPaths.TempDirectory(), "lot-head.json");

        var outcome = await CliProcess.RunAsync("calibrate", "--crops", DrawnCrops(1, 0, 10, 4), "--model", TinyModel, "--out", head, "--json");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        using var result = JsonDocument.Parse(outcome.Stdout);
        var figures = result.RootElement.GetProperty("crossValidation");
        Assert.Equal(0.0, figures.GetProperty("genericAccuracy").GetDouble());
        Assert.Equal(1.0, figures.GetProperty("calibratedAccuracy").GetDouble());
        Assert.Equal(40, figures.GetProperty("labels").GetInt32());
    }

    [Fact]
    public async Task EvalWithHead_OtherSpotsOfTheLot_TheHeadDecides()
    {
        var head = await CalibratedHeadAsync();
        var otherSpots = DrawnCrops(2, 100, 8, 3);

        var generic = await CliProcess.RunAsync("eval", "--crops", otherSpots, "--model", TinyModel, "--json");
        var calibrated = await CliProcess.RunAsync("eval", "--crops", otherSpots, "--model", TinyModel, "--json", "--head", head);

        Assert.True(calibrated.ExitCode == 0, calibrated.Stderr);
        using var before = JsonDocument.Parse(generic.Stdout);
        using var after = JsonDocument.Parse(calibrated.Stdout);
        Assert.Equal(0.0, before.RootElement.GetProperty("accuracy").GetDouble());
        Assert.Equal(1.0, after.RootElement.GetProperty("accuracy").GetDouble());
        Assert.Equal(24, after.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AnalyzeWithHead_DrawnClip_TheHeadsVerdictsAreCounted()
    {
        var head = await CalibratedHeadAsync();
        var directory = TestPaths.TempDirectory();
        Rect[] bays = [new(10, 10, 60, 30), new(110, 10, 60, 30)];
        var mask = Path.Combine(directory, "mask.png");
        using (var image = SyntheticLot.Mask(new Size(200, 100), bays))
        {
            Cv2.ImWrite(mask, image);
        }
        var video = SyntheticLot.WriteVideo(directory, 10, Enumerable.Range(0, 5).Select(_ =>
        {
            var frame = SyntheticLot.Frame(new Size(200, 100));
            foreach (var bay in bays) Cv2.Rectangle(frame, bay, Paint, -1);
            return frame;
        }));

        var generic = await CliProcess.RunAsync("analyze", "--video", video, "--mask", mask, "--model", TinyModel);
        var calibrated = await CliProcess.RunAsync("analyze", "--video", video, "--mask", mask, "--model", TinyModel, "--fast-model", TinyModel, "--head", head);

        Assert.True(calibrated.ExitCode == 0, calibrated.Stderr);
        Assert.Contains("0 free / 2 spots", generic.Stdout);
        Assert.Contains("2 free / 2 spots", calibrated.Stdout);
        Assert.Contains("lot head: generic 0.0 %, calibrated 100.0 %", calibrated.Stdout);
    }

    [Fact]
    public async Task Calibrate_TooFewOccupiedCrops_SaysSoAndWritesNothing()
    {
        var crops = DrawnCrops(3, 0, 10, 4);
        foreach (var file in Directory.GetFiles(Path.Combine(crops, "occupied")).Order().Skip(3)) File.Delete(file);
        var head = Path.Combine(TestPaths.TempDirectory(), "lot-head.json");

        var outcome = await CliProcess.RunAsync("calibrate", "--crops", crops, "--model", TinyModel, "--out", head);

        Assert.Equal(2, outcome.ExitCode);
        var message = outcome.ErrorLine;
        Assert.Contains("there are 20 free and 3 occupied", message);
        Assert.Contains("generic model's verdicts stand", message);
        Assert.False(File.Exists(head));
    }

    [Fact]
    public async Task Calibrate_FolderWithoutEmpty_SaysBothFoldersAreNeeded()
    {
        var crops = DrawnCrops(4, 0, 4, 2);
        Directory.Delete(Path.Combine(crops, "empty"), recursive: true);

        var outcome = await CliProcess.RunAsync("calibrate", "--crops", crops, "--model", TinyModel, "--out", Path.Combine(crops, "lot-head.json"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("'empty'", outcome.ErrorLine);
    }

    [Fact]
    public async Task Calibrate_MissingCropsFolder_SaysItDoesNotExist()
    {
        var missing = Path.Combine(TestPaths.TempDirectory(), "nope");

        var outcome = await CliProcess.RunAsync("calibrate", "--crops", missing, "--model", TinyModel, "--out", Path.Combine(TestPaths.TempDirectory(), "h.json"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("does not exist", outcome.ErrorLine);
    }

    [Fact]
    public async Task EvalWithHead_AnotherModel_RefusesNamingTheHeadsModel()
    {
        var head = await CalibratedHeadAsync();

        var outcome = await CliProcess.RunAsync("eval", "--crops", DrawnCrops(5, 0, 2, 1), "--model", Path.Combine(AppContext.BaseDirectory, "Models", "spot-classifier.onnx"), "--head", head);

        Assert.Equal(2, outcome.ExitCode);
        var message = outcome.ErrorLine;
        Assert.Contains("tiny-classifier.onnx", message);
        Assert.Contains("spot-classifier.onnx", message);
    }

    [Fact]
    public async Task AnalyzeWithHead_DamagedHead_SaysWhatIsWrongBeforeReadingTheVideo()
    {
        var head = await CalibratedHeadAsync();
        var document = JsonNode.Parse(await File.ReadAllTextAsync(head, TestContext.Current.CancellationToken))!;
        document["head"]!["decision"]!["scaling"]!["mean"]!.AsArray().RemoveAt(0);
        await File.WriteAllTextAsync(head, document.ToJsonString(), TestContext.Current.CancellationToken);

        var outcome = await CliProcess.RunAsync("analyze", "--video", "missing.mp4", "--mask", "missing.png", "--model", TinyModel, "--head", head);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("is damaged", outcome.ErrorLine);
    }

    [Fact]
    public async Task Calibrate_OutInAMissingFolder_SaysSoBeforeClassifying()
    {
        var outcome = await CliProcess.RunAsync("calibrate", "--crops", DrawnCrops(6, 0, 2, 1), "--model", TinyModel, "--out", Path.Combine(TestPaths.TempDirectory(), "no", "lot-head.json"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("does not exist", outcome.ErrorLine);
    }
}
