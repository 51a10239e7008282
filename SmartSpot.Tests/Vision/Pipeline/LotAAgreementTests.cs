using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Vision.Rendering;

namespace SmartSpot.Tests.Vision.Pipeline;

/// <summary>The whole pipeline with the shipped models (the fast one in front of the accurate one, as `smartspot analyze` runs them) on the 720p lot-a video, against its labelled crops.</summary>
public sealed class LotAAgreementTests
{
    private const double RequiredAgreement = 0.995;

    [Fact]
    public async Task RunAsync_LotA720p_AgreesWithTheLabelledCrops()
    {
        var sharedData = TestPaths.RequireSharedData();
        var labels = LotACropLabels.Load(sharedData);
        var options = new PipelineOptions();
        using var input = AnalysisInput.Open(TestPaths.LotA("parking_1280x720.mp4"), TestPaths.LotA("mask_1280x720.png"), options);
        using var shipped = new SpotClassifierFactory(new ClassifierOptions());
        var classifier = shipped.CreateForAnalysis();
        Assert.IsType<CascadeSpotClassifier>(classifier);
        var history = new OccupancyHistory();
        var framesToMatch = new Dictionary<int, Mat>();
        try
        {
            await foreach (var result in new OccupancyPipeline(classifier, options).RunAsync(input, null, TestContext.Current.CancellationToken))
            {
                history.Add(result.Snapshot);
                if (labels.FramesToMatch.Contains(result.Frame.Index))
                {
                    framesToMatch[result.Frame.Index] = BgrFrameConverter.ToBgr(result.Frame);
                }
            }
            var spotOfLabel = labels.MatchSpots(TestPaths.LotA("mask_1920x1080.png"), input.Spots, framesToMatch);
            var intervals = history.Intervals.ToLookup(interval => interval.SpotId);

            var agreeing = labels.Crops.Count(crop => intervals[spotOfLabel[crop.Label]]
                .Single(interval => interval.StartFrame <= crop.Frame && crop.Frame <= interval.EndFrame).Status == crop.Status);

            var agreement = (double)agreeing / labels.Crops.Count;
            TestContext.Current.SendDiagnosticMessage($"lot-a 720p: {agreeing}/{labels.Crops.Count} = {agreement:P2} of (frame, spot) pairs agree");
            Assert.Equal(100, spotOfLabel.Count);
            Assert.True(agreement >= RequiredAgreement, $"{agreeing}/{labels.Crops.Count} = {agreement:P2} agree, below {RequiredAgreement:P1}");
        }
        finally
        {
            foreach (var frame in framesToMatch.Values) frame.Dispose();
        }
    }
}
