using System.Text.Json;
using OpenCvSharp;

namespace SmartSpot.Tests.Cli;

public sealed class AnalyzeCommandTests
{
    private static readonly string TinyModel = Path.Combine(AppContext.BaseDirectory, "TestData", "tiny-classifier.onnx");

    private static (string Video, string Mask) DrawnLot(string directory, Size maskSize)
    {
        var maskPath = Path.Combine(directory, "mask.png");
        using (var mask = SyntheticLot.Mask(maskSize, new Rect(10, 10, 60, 30), new Rect(110, 10, 60, 30)))
        {
            Cv2.ImWrite(maskPath, mask);
        }
        var video = SyntheticLot.WriteVideo(directory, 10,
            Enumerable.Range(0, 10).Select(i => SyntheticLot.Frame(new Size(200, 100), i >= 3 ? [new Rect(110, 10, 60, 30)] : [])));
        return (video, maskPath);
    }

    [Fact]
    public async Task Analyze_DrawnLot_WritesTheReportAndTimeline()
    {
        var directory = TestPaths.TempDirectory();
        var (video, mask) = DrawnLot(directory, new Size(200, 100));
        var json = Path.Combine(directory, "report.json");
        var csv = Path.Combine(directory, "timeline.csv");

        var outcome = await CliProcess.RunAsync("analyze", "--video", video, "--mask", mask, "--model", TinyModel, "--json", json, "--csv", csv);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Contains("/ 2 spots", outcome.Stdout);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        var root = report.RootElement;
        Assert.Equal(200, root.GetProperty("video").GetProperty("width").GetInt32());
        Assert.Equal(10, root.GetProperty("video").GetProperty("frames").GetInt32());
        Assert.Equal(2, root.GetProperty("spots").GetArrayLength());
        Assert.Equal(10, root.GetProperty("timeline").GetArrayLength());
        Assert.Equal(10, root.GetProperty("stats").GetProperty("framesAnalyzed").GetInt32());
        foreach (var spot in root.GetProperty("intervals").EnumerateArray().GroupBy(i => i.GetProperty("spot").GetInt32()))
        {
            Assert.Equal(10, spot.Sum(i => i.GetProperty("endFrame").GetInt32() - i.GetProperty("startFrame").GetInt32() + 1));
            Assert.All(spot, i => Assert.Contains(i.GetProperty("status").GetString(), new[] { "free", "occupied" }));
        }
        var lines = await File.ReadAllLinesAsync(csv, TestContext.Current.CancellationToken);
        Assert.Equal("frame,time,free,occupied", lines[0]);
        Assert.Equal(11, lines.Length);
    }

    [Fact]
    public async Task Analyze_FastModel_RunsTheCascadeAndSaysHowOftenTheAccurateModelWasAsked()
    {
        var directory = TestPaths.TempDirectory();
        var (video, mask) = DrawnLot(directory, new Size(200, 100));

        var outcome = await CliProcess.RunAsync("analyze", "--video", video, "--mask", mask, "--model", TinyModel, "--fast-model", TinyModel);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Contains("1 free / 2 spots", outcome.Stdout);
        Assert.Contains("the accurate model 3", outcome.Stdout);
    }

    [Fact]
    public async Task Analyze_EveryThirdFrame_AnalysesOnlyThose()
    {
        var directory = TestPaths.TempDirectory();
        var (video, mask) = DrawnLot(directory, new Size(200, 100));
        var json = Path.Combine(directory, "report.json");

        var outcome = await CliProcess.RunAsync("analyze", "--video", video, "--mask", mask, "--model", TinyModel, "--every", "3", "--json", json);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        Assert.Equal([0, 3, 6, 9], report.RootElement.GetProperty("timeline").EnumerateArray().Select(p => p.GetProperty("frame").GetInt32()));
    }

    [Fact]
    public async Task Analyze_DurationOnAFile_StopsAtThatVideoTime()
    {
        var directory = TestPaths.TempDirectory();
        var (video, mask) = DrawnLot(directory, new Size(200, 100));
        var json = Path.Combine(directory, "report.json");

        var outcome = await CliProcess.RunAsync("analyze", "--video", video, "--mask", mask, "--model", TinyModel, "--duration", "0.5", "--json", json);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        Assert.Equal([0, 1, 2, 3, 4], report.RootElement.GetProperty("timeline").EnumerateArray().Select(p => p.GetProperty("frame").GetInt32()));
    }

    [Fact]
    public async Task Analyze_LiveStreamUrl_RunsForTheDurationAndNeverShowsTheCredentials()
    {
        var directory = TestPaths.TempDirectory();
        var (_, mask) = DrawnLot(directory, new Size(200, 100));
        var json = Path.Combine(directory, "report.json");
        using var server = new LiveStreamServer("200x100");
        var url = server.Url.Replace("http://", "http://viewer:s3cret@", StringComparison.Ordinal);

        var outcome = await CliProcess.RunAsync("analyze", "--video", url, "--mask", mask, "--model", TinyModel, "--duration", "2", "--json", json);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        var text = await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken);
        using var report = JsonDocument.Parse(text);
        var timeline = report.RootElement.GetProperty("timeline").EnumerateArray().ToList();
        // It stopped at the duration: frames were analysed, none at or past two seconds of stream time, and no more than
        // two seconds at 30 fps plus what FFmpeg buffered while probing (how many arrive depends on the machine's load).
        Assert.InRange(timeline.Count, 1, 150);
        Assert.True(timeline[^1].GetProperty("time").GetDouble() < 2);
        Assert.Equal(server.Url.Replace("http://", "http://***@", StringComparison.Ordinal), report.RootElement.GetProperty("video").GetProperty("path").GetString());
        Assert.DoesNotContain("s3cret", text + outcome.Stdout + outcome.Stderr);
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { "missing-video", "does not exist" },
        { "text-video", "not a video" },
        { "empty-video", "empty" },
        { "text-mask", "not a PNG, JPEG or BMP" },
        { "truncated-mask", "truncated" },
        { "black-mask", "no spots" },
        { "square-mask", "200x100" },
        { "bomb-mask", "over the limit" },
        { "broken-model", "not a usable ONNX model" },
        { "big-video", "over the limit of 10,000 pixels" },
        { "refused-stream", "connection refused" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Analyze_BadInput_OneClearLineAndExitCode2(string input, string expected)
    {
        var directory = TestPaths.TempDirectory();
        var (video, mask) = DrawnLot(directory, new Size(200, 100));
        var model = TinyModel;
        switch (input)
        {
            case "missing-video": video = Path.Combine(directory, "nope.mp4"); break;
            case "text-video": File.WriteAllText(video = Path.Combine(directory, "text.mp4"), "hello"); break;
            case "empty-video": File.WriteAllBytes(video = Path.Combine(directory, "empty.mp4"), []); break;
            case "text-mask": File.WriteAllText(mask = Path.Combine(directory, "text.png"), "hello"); break;
            case "truncated-mask": File.WriteAllBytes(mask, File.ReadAllBytes(mask)[..100]); break;
            case "black-mask": Cv2.ImWrite(mask, SyntheticLot.Mask(new Size(200, 100))); break;
            case "square-mask": (_, mask) = DrawnLot(TestPaths.TempDirectory(), new Size(200, 200)); break;
            case "bomb-mask": Cv2.ImWrite(mask, SyntheticLot.Mask(new Size(8000, 6000), new Rect(0, 0, 10, 10))); break;
            case "broken-model": File.WriteAllText(model = Path.Combine(directory, "broken.onnx"), "not a model"); break;
        }
        if (input == "refused-stream") video = $"rtsp://admin:pw@127.0.0.1:{LiveStreamServer.FreePort()}/stream1";
        string[] limit = input switch
        {
            "bomb-mask" => ["--mask-pixel-limit", "1000000"],
            "big-video" => ["--video-pixel-limit", "10000"],
            _ => [],
        };

        var outcome = await CliProcess.RunAsync(["analyze", "--video", video, "--mask", mask, "--model", model, .. limit]);

        Assert.Equal(2, outcome.ExitCode);
        var line = outcome.ErrorLine;
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("admin:pw", line);
    }
}
