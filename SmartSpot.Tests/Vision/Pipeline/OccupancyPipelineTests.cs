using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Pipeline;

namespace SmartSpot.Tests.Vision.Pipeline;

public sealed class OccupancyPipelineTests
{
    private static readonly Size FrameSize = new(200, 100);
    private static readonly Rect Left = new(10, 10, 60, 30);
    private static readonly Rect Right = new(110, 10, 60, 30);

    /// <summary>20 frames: a car parks in the right spot at frame 5; something flashes over the left spot at frame 8 only.</summary>
    private static AnalysisInput DrawnLot()
    {
        var directory = TestPaths.TempDirectory();
        var maskPath = Path.Combine(directory, "mask.png");
        using (var mask = SyntheticLot.Mask(FrameSize, Left, Right))
        {
            Cv2.ImWrite(maskPath, mask);
        }
        var frames = Enumerable.Range(0, 20).Select(i => SyntheticLot.Frame(FrameSize, (i >= 5, i == 8) switch
        {
            (true, true) => [Left, Right],
            (true, false) => [Right],
            (false, true) => [Left],
            _ => [],
        }));
        var videoPath = SyntheticLot.WriteVideo(directory, 10, frames);
        return AnalysisInput.Open(videoPath, maskPath, new PipelineOptions());
    }

    private static async Task<(OccupancyHistory History, List<FrameResult> Results)> RunAsync(OccupancyPipeline sut, AnalysisInput input)
    {
        var history = new OccupancyHistory();
        var results = new List<FrameResult>();
        await foreach (var result in sut.RunAsync(input, playback: null, TestContext.Current.CancellationToken))
        {
            history.Add(result.Snapshot);
            results.Add(result);
        }
        return (history, results);
    }

    [Fact]
    public async Task RunAsync_CarParksAndSomethingFlashesBy_OnlyTheCarFlipsItsSpot()
    {
        using var input = DrawnLot();
        var sut = new OccupancyPipeline(new BrightnessClassifier(), new PipelineOptions());

        var (history, _) = await RunAsync(sut, input);

        Assert.Equal(
            [(1, SpotStatus.Free, 0, 19), (2, SpotStatus.Free, 0, 6), (2, SpotStatus.Occupied, 7, 19)],
            history.Intervals.Select(i => (i.SpotId, i.Status, i.StartFrame, i.EndFrame)));
        Assert.Equal(20, history.Timeline.Count);
        Assert.Equal((1, 1), (history.Timeline[^1].Free, history.Timeline[^1].Occupied));
    }

    [Fact]
    public async Task RunAsync_StillSpots_AreNotClassifiedAgain()
    {
        using var input = DrawnLot();
        var classifier = new BrightnessClassifier();
        var sut = new OccupancyPipeline(classifier, new PipelineOptions());

        await RunAsync(sut, input);

        Assert.Equal([1, 2], classifier.Calls[0]);
        Assert.Equal([2], classifier.Calls[5]);
        Assert.Equal([2], classifier.Calls[7]);
        Assert.Empty(classifier.Calls[12]);
        Assert.InRange(classifier.Calls.Sum(call => call.Count), 6, 10);
    }

    [Fact]
    public async Task RunAsync_EmbeddingsAsked_EachResultCarriesItsClassifiedSpotsVerdicts()
    {
        using var input = DrawnLot();
        using var classifier = new OnnxSpotClassifier(new ClassifierOptions { ModelPath = Path.Combine(AppContext.BaseDirectory, "TestData", "tiny-classifier.onnx"), IncludeEmbedding = true });
        var sut = new OccupancyPipeline(classifier, new PipelineOptions());

        var (_, results) = await RunAsync(sut, input);

        Assert.Equal([1, 2], results[0].ClassifiedSpots.Select(spot => spot.Id));
        Assert.Equal(results[0].ClassifiedSpots.Count, results[0].Verdicts.Count);
        var parked = results[5];
        var right = parked.ClassifiedSpots.ToList().FindIndex(spot => spot.Id == 2);
        Assert.Equal(SpotStatus.Occupied, parked.Verdicts[right].Status);
        Assert.All(parked.Verdicts[right].Embedding.ToArray(), value => Assert.InRange(value, 200f, 255f));
    }

    [Fact]
    public async Task RunAsync_SharedLotACrop_GivesAStatusForEverySpotAndFrame()
    {
        TestPaths.RequireSharedData();
        var options = new PipelineOptions();
        using var input = AnalysisInput.Open(TestPaths.LotA("parking_crop_380x452.mp4"), TestPaths.LotA("mask_crop_381x453.png"), options);
        using var classifier = new OnnxSpotClassifier(new ClassifierOptions());
        var sut = new OccupancyPipeline(classifier, options);

        var (history, results) = await RunAsync(sut, input);

        Assert.Equal(14, input.Spots.Spots.Count);
        Assert.Equal(input.Source.Info.FrameCount, results.Count);
        var lastFrame = results[^1].Frame.Index;
        foreach (var spot in history.Intervals.GroupBy(i => i.SpotId))
        {
            var covered = spot.Sum(i => i.EndFrame - i.StartFrame + 1);
            Assert.Equal(lastFrame + 1, covered);
        }
        Assert.True(results.Sum(r => r.Classified) < results.Count * 14 / 4, "change detection should spare most classifications");
    }
}
