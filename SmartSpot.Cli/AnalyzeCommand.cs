using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SmartSpot.Vision;
using SmartSpot.Vision.Calibration;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Cli;

/// <summary><c>smartspot analyze</c>: runs the whole pipeline over a video file or a live stream as fast as it comes, and reports.</summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var video = new Option<string>("--video")
        {
            Description = "The lot camera video (MP4, AVI, MKV...) or a live stream URL (rtsp://, rtsps://, http(s):// MPEG-TS, HLS or MJPEG).",
            Required = true,
        };
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
        var duration = new Option<double?>("--duration")
        {
            Description = "Stop after this many seconds: of video for a file, of wall-clock time for a stream (which otherwise runs until Ctrl+C).",
        };
        duration.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is <= 0) result.AddError("--duration must be more than 0 seconds.");
        });
        var json = new Option<FileInfo?>("--json") { Description = "Write the full report (video, spots, intervals, timeline, stats) as JSON here." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Write the timeline (frame, time, free, occupied) as CSV here." };
        var maskPixelLimit = new Option<long>("--mask-pixel-limit")
        {
            Description = "Refuse masks with more pixels than this (checked before decoding).",
            DefaultValueFactory = _ => new SpotMapOptions().MaxMaskPixels,
        };
        var videoPixelLimit = new Option<long>("--video-pixel-limit")
        {
            Description = "Refuse videos whose pictures have more pixels than this (checked before decoding; default 8K UHD).",
            DefaultValueFactory = _ => new FrameSourceOptions().MaxPixels,
        };
        var head = new Option<FileInfo?>("--head") { Description = "A lot head (lot-head.json from smartspot calibrate, fitted on the accurate model) decides every verdict." };
        var command = new Command("analyze", "Analyse a lot video or camera stream: which spots are free, frame by frame.")
        {
            video, mask, model, fastModel, every, duration, json, csv, maskPixelLimit, videoPixelLimit, head,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            token => RunAsync(
                VideoArgument(parse.GetRequiredValue(video)),
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
                    Frames = new FrameSourceOptions { AnalyzeEvery = parse.GetValue(every), MaxPixels = parse.GetValue(videoPixelLimit) },
                    Spots = new SpotMapOptions { MaxMaskPixels = parse.GetValue(maskPixelLimit) },
                },
                parse.GetValue(duration) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                parse.GetValue(json)?.FullName,
                parse.GetValue(csv)?.FullName,
                parse.GetValue(head)?.FullName,
                token),
            cancellationToken));
        return command;
    }

    private static string VideoArgument(string video) => UrlCredentials.IsStreamUrl(video) ? video : Path.GetFullPath(video);

    private static async Task RunAsync(
        string video, string maskPath, ClassifierOptions classifierOptions, PipelineOptions options, TimeSpan? duration, string? jsonPath, string? csvPath,
        string? headPath, CancellationToken cancellationToken)
    {
        var head = headPath is null ? null : LotHeadFile.Read(headPath);
        using var input = AnalysisInput.Open(video, maskPath, options);
        using var models = new SpotClassifierFactory(classifierOptions with { IncludeEmbedding = head is not null });
        var classifier = models.CreateForAnalysis(head);
        var pipeline = new OccupancyPipeline(classifier, options);
        var history = new OccupancyHistory(options.History);
        var live = input.Source.Info.IsLive;
        // A stream ends at the duration even while it is reconnecting, and Ctrl+C ends it with a report, not as a failure.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        long classifications = 0;
        var analysed = 0;
        await CliOutput.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask(live ? "Analysing the stream" : "Analysing", maxValue: ProgressTotal(input.Source.Info, duration));
            task.IsIndeterminate = live && duration is null;
            try
            {
                await foreach (var result in pipeline.RunAsync(input, playback: null, stop.Token))
                {
                    if (result.Frame.Timestamp >= duration) break;
                    if (live && duration is { } wallClock && analysed == 0) stop.CancelAfter(wallClock);
                    history.Add(result.Snapshot);
                    analysed++;
                    classifications += result.Classified;
                    task.Value = duration is null && !live ? result.Frame.Index + 1 : result.Frame.Timestamp.TotalSeconds;
                }
            }
            catch (OperationCanceledException) when (live && stop.IsCancellationRequested)
            {
                // The duration is over, or the operator pressed Ctrl+C: report what was analysed.
            }
            task.Value = task.MaxValue;
        });
        var elapsed = clock.Elapsed.TotalSeconds;
        if (analysed == 0)
        {
            throw new InvalidInputException($"No frame of '{input.Source.Info.Source}' was analysed before the end. Check the stream, or give a longer --duration.");
        }
        await WarnAsync(input.Source, history);
        var stream = input.Source as LiveStreamFrameSource;
        var stats = new AnalysisReport.StatsPart(
            analysed, classifications, Math.Round(elapsed, 3), Math.Round(analysed / elapsed, 1),
            input.Source.EndedEarly, stream?.FramesDropped ?? 0, stream?.Connection.Reconnects ?? 0);
        var report = AnalysisReport.From(input.Source.Info, input.Spots, history, stats);
        PrintSummary(report);
        if (head is not null)
        {
            Console.WriteLine($"lot head: {CalibrateCommand.Figures(head.CrossValidation)}");
        }
        if (((classifier as CalibratedSpotClassifier)?.Inner ?? classifier) is CascadeSpotClassifier cascade)
        {
            Console.WriteLine($"cascade: the fast model classified {cascade.FastRuns} crops, the accurate model {cascade.AccurateRuns}");
        }
        if (jsonPath is not null)
        {
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(report, CliOutput.Json), CancellationToken.None);
        }
        if (csvPath is not null)
        {
            await File.WriteAllLinesAsync(csvPath, TimelineCsv(report), CancellationToken.None);
        }
    }

    /// <summary>Frames for a whole file, seconds for a file cut by --duration or for a stream.</summary>
    private static double ProgressTotal(VideoInfo video, TimeSpan? duration) => duration is { } limit
        ? video.IsLive || video.FrameCount == 0 ? limit.TotalSeconds : Math.Min(limit.TotalSeconds, video.Duration.TotalSeconds)
        : Math.Max(1, video.FrameCount);

    private static async Task WarnAsync(IFrameSource source, OccupancyHistory history)
    {
        if (source.EndedEarly)
        {
            await Console.Error.WriteLineAsync(
                $"warning: the video ended after frame {history.Timeline[^1].Frame} of the {source.Info.FrameCount} it announces; it may be truncated. Results cover the frames read.");
        }
        if (source is LiveStreamFrameSource stream && (stream.Connection.Reconnects > 0 || stream.FramesDropped > 0))
        {
            await Console.Error.WriteLineAsync(
                $"warning: the stream dropped {stream.Connection.Reconnects} time(s) (last: {stream.Connection.LastError ?? "-"}) and {stream.FramesDropped} frame(s) came while the analysis was busy; the timeline marks the gaps.");
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
