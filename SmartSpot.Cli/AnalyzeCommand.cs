using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Cli;

/// <summary><c>smartspot analyze</c>: runs the whole pipeline over a video as fast as possible and reports.</summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var video = new Option<FileInfo>("--video") { Description = "The lot camera video (MP4, AVI, MKV...).", Required = true };
        var mask = new Option<FileInfo>("--mask") { Description = "The mask image: one white shape per spot on black.", Required = true };
        var model = new Option<FileInfo?>("--model") { Description = "The ONNX spot classifier (default: the shipped pair, a fast model in front of the accurate one)." };
        var fastModel = new Option<FileInfo?>("--fast-model")
        {
            Description = "A small ONNX model that classifies every crop first; --model then decides only each spot's first status and wherever the fast one disagrees with it.",
        };
        var every = new Option<int>("--every") { Description = "Analyse every Nth frame.", DefaultValueFactory = _ => 1 };
        every.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--every must be 1 or more.");
        });
        var json = new Option<FileInfo?>("--json") { Description = "Write the full report (video, spots, intervals, timeline, stats) as JSON here." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Write the timeline (frame, time, free, occupied) as CSV here." };
        var maskPixelLimit = new Option<long>("--mask-pixel-limit")
        {
            Description = "Refuse masks with more pixels than this (checked before decoding).",
            DefaultValueFactory = _ => new SpotMapOptions().MaxMaskPixels,
        };
        var command = new Command("analyze", "Analyse a lot video: which spots are free, frame by frame.") { video, mask, model, fastModel, every, json, csv, maskPixelLimit };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            token => RunAsync(
                parse.GetRequiredValue(video).FullName,
                parse.GetRequiredValue(mask).FullName,
                parse.GetValue(model) is null && parse.GetValue(fastModel) is null
                    ? new ClassifierOptions()
                    : new ClassifierOptions
                    {
                        ModelPath = parse.GetValue(model)?.FullName ?? ClassifierOptions.DefaultModelPath,
                        FastModelPath = parse.GetValue(fastModel)?.FullName,
                    },
                new PipelineOptions
                {
                    Frames = new FrameSourceOptions { AnalyzeEvery = parse.GetValue(every) },
                    Spots = new SpotMapOptions { MaxMaskPixels = parse.GetValue(maskPixelLimit) },
                },
                parse.GetValue(json)?.FullName,
                parse.GetValue(csv)?.FullName,
                token),
            cancellationToken));
        return command;
    }

    private static async Task RunAsync(string videoPath, string maskPath, ClassifierOptions classifierOptions, PipelineOptions options, string? jsonPath, string? csvPath, CancellationToken cancellationToken)
    {
        using var input = AnalysisInput.Open(videoPath, maskPath, options);
        using var models = new SpotClassifierFactory(classifierOptions);
        var classifier = models.CreateForAnalysis();
        var pipeline = new OccupancyPipeline(classifier, options);
        var history = new OccupancyHistory();
        var clock = Stopwatch.StartNew();
        long classifications = 0;
        await CliOutput.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("Analysing", maxValue: Math.Max(1, input.Source.Info.FrameCount));
            await foreach (var result in pipeline.RunAsync(input, playback: null, cancellationToken))
            {
                history.Add(result.Snapshot);
                classifications += result.Classified;
                task.Value = result.Frame.Index + 1;
            }
            task.Value = task.MaxValue;
        });
        var elapsed = clock.Elapsed.TotalSeconds;
        if (input.Source.EndedEarly)
        {
            await Console.Error.WriteLineAsync(
                $"warning: the video ended after frame {history.Timeline[^1].Frame} of the {input.Source.Info.FrameCount} it announces; it may be truncated. Results cover the frames read.");
        }
        var stats = new AnalysisReport.StatsPart(history.Timeline.Count, classifications, Math.Round(elapsed, 3), Math.Round(history.Timeline.Count / elapsed, 1));
        var report = AnalysisReport.From(input.Source.Info, input.Spots, history, stats);
        PrintSummary(report);
        if (classifier is CascadeSpotClassifier cascade)
        {
            Console.WriteLine($"cascade: the fast model classified {cascade.FastRuns} crops, the accurate model {cascade.AccurateRuns}");
        }
        if (jsonPath is not null)
        {
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(report, CliOutput.Json), cancellationToken);
        }
        if (csvPath is not null)
        {
            await File.WriteAllLinesAsync(csvPath, TimelineCsv(report), cancellationToken);
        }
    }

    private static void PrintSummary(AnalysisReport report)
    {
        var last = report.Timeline[^1];
        Console.WriteLine($"{last.Free} free / {report.Spots.Count} spots at the last analysed frame ({last.Frame}, {last.Time:0.0} s)");
        Console.WriteLine($"{report.Stats.FramesAnalyzed} frames analysed in {report.Stats.ElapsedSeconds:0.00} s ({report.Stats.Fps:0.0} frames/s), {report.Stats.Classifications} spot classifications, {report.Intervals.Count - report.Spots.Count} status changes");
    }

    private static IEnumerable<string> TimelineCsv(AnalysisReport report) =>
        report.Timeline.Select(point => string.Create(CultureInfo.InvariantCulture, $"{point.Frame},{point.Time},{point.Free},{point.Occupied}"))
            .Prepend("frame,time,free,occupied");
}
