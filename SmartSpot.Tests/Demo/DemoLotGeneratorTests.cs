using SmartSpot.Vision.Classification;
using SmartSpot.Demo;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Demo;

public sealed class DemoLotGeneratorTests(DemoLotFixture demo) : IDisposable
{
    private static readonly DemoLotOptions Short = new() { DurationSeconds = 1 };

    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "smartspot-demo-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Bays_AreTheSpotsOfTheGeneratedMask()
    {
        var fromMask = SpotMap.Load(demo.Lot.MaskPath, new SpotMapOptions());

        var bays = new DemoLotGenerator(demo.Options).Bays;

        Assert.Equal(fromMask.Spots.Select(spot => (spot.Id, spot.Box)),
            bays.Select(bay => (bay.Id, new PixelBox(bay.X, bay.Y, bay.Width, bay.Height))));
    }

    [Fact]
    public void EnsureGenerated_SameSeed_SameFiles()
    {
        var first = new DemoLotGenerator(Short).EnsureGenerated(Path.Combine(_scratch, "a"));
        var second = new DemoLotGenerator(Short).EnsureGenerated(Path.Combine(_scratch, "b"));

        Assert.Equal(File.ReadAllBytes(first.VideoPath), File.ReadAllBytes(second.VideoPath));
        Assert.Equal(File.ReadAllBytes(first.MaskPath), File.ReadAllBytes(second.MaskPath));
        Assert.Equal(File.ReadAllBytes(first.GroundTruthPath), File.ReadAllBytes(second.GroundTruthPath));
    }

    [Fact]
    public void EnsureGenerated_OtherSeed_OtherVideo()
    {
        var first = new DemoLotGenerator(Short).EnsureGenerated(Path.Combine(_scratch, "a"));
        var second = new DemoLotGenerator(Short with { Seed = 99 }).EnsureGenerated(Path.Combine(_scratch, "b"));

        Assert.NotEqual(File.ReadAllBytes(first.VideoPath), File.ReadAllBytes(second.VideoPath));
    }

    [Fact]
    public void EnsureGenerated_SameOptionsTwice_ReusesFiles()
    {
        var sut = new DemoLotGenerator(Short);
        var first = sut.EnsureGenerated(_scratch);
        var written = WriteTimes(first);

        var second = sut.EnsureGenerated(_scratch);

        Assert.Equal(first, second);
        Assert.Equal(written, WriteTimes(second));
    }

    [Fact]
    public void EnsureGenerated_OptionsChanged_ReplacesFiles()
    {
        var first = new DemoLotGenerator(Short).EnsureGenerated(_scratch);
        var truth = File.ReadAllBytes(first.GroundTruthPath);

        var second = new DemoLotGenerator(Short with { Seed = 99 }).EnsureGenerated(_scratch);

        Assert.NotEqual(truth, File.ReadAllBytes(second.GroundTruthPath));
        Assert.Equal(3, Directory.GetFiles(_scratch).Count(path => !path.EndsWith(DemoLotGenerator.ManifestFileName)));
    }

    [Fact]
    public void EnsureGenerated_FilesWithoutManifest_Regenerates()
    {
        var lot = new DemoLotGenerator(Short).EnsureGenerated(_scratch);
        File.Delete(Path.Combine(_scratch, DemoLotGenerator.ManifestFileName));
        File.WriteAllBytes(lot.VideoPath, [1, 2, 3]);

        new DemoLotGenerator(Short).EnsureGenerated(_scratch);

        Assert.True(new FileInfo(lot.VideoPath).Length > 1000);
    }

    [Fact]
    public void EnsureGenerated_AbandonedTemporaryFile_IsDeleted()
    {
        Directory.CreateDirectory(_scratch);
        var abandoned = Path.Combine(_scratch, ".demo-lot.0123.mp4");
        File.WriteAllBytes(abandoned, [1, 2, 3]);
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddHours(-1));

        new DemoLotGenerator(Short).EnsureGenerated(_scratch);

        Assert.False(File.Exists(abandoned));
        Assert.Equal(4, Directory.GetFiles(_scratch).Length);
    }

    [Fact]
    public void EnsureGenerated_RowsDoNotFitTheVideo_Throws()
    {
        var sut = new DemoLotGenerator(Short with { Rows = 6 });

        Assert.Throws<ArgumentOutOfRangeException>(() => sut.EnsureGenerated(_scratch));
    }

    [Fact]
    public void EnsureGenerated_OptionOutOfRange_Throws()
    {
        var sut = new DemoLotGenerator(Short with { Fps = 0 });

        Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => sut.EnsureGenerated(_scratch));
    }

    [Fact]
    public void EnsureGenerated_Mask_HasOneSpotPerBayWithTheBayIds()
    {
        var map = SpotMap.Load(demo.Lot.MaskPath, new SpotMapOptions());

        Assert.Equal(demo.Options.Rows * demo.Options.Columns, map.Spots.Count);
        Assert.Equal(new PixelSize(demo.Options.Width, demo.Options.Height), map.FrameSize);
        Assert.Equal(demo.Truth.Bays.Select(bay => (bay.Id, bay.Box)), map.Spots.Select(spot => (spot.Id, spot.Box.ToRect())));
    }

    [Fact]
    public async Task EnsureGenerated_Video_OpensWithSizeFpsAndFrameCount()
    {
        using var source = new VideoFileFrameSource(demo.Lot.VideoPath);
        var frames = 0;

        await foreach (var frame in source.ReadAsync(TestContext.Current.CancellationToken))
        {
            Assert.Equal(frames++, frame.Index);
            frame.Dispose();
        }

        Assert.Equal((demo.Options.Width, demo.Options.Height, (double)demo.Options.Fps), (source.Info.Width, source.Info.Height, source.Info.Fps));
        Assert.Equal(demo.Options.FrameCount, source.Info.FrameCount);
        Assert.Equal(demo.Options.FrameCount, frames);
    }

    [Fact]
    public void EnsureGenerated_GroundTruth_FollowsTheSchedule()
    {
        var truth = demo.Truth;

        Assert.Equal(demo.Options.FrameCount, truth.Frames.Count);
        Assert.Equal(28, truth.Frames[0].Occupied.Count);
        Assert.Contains(truth.Visits, visit => visit.ArriveFrame > 0 && visit.ParkedFrame < truth.FrameCount);
        Assert.Contains(truth.Visits, visit => visit.LeaveFrame < truth.FrameCount);
        Assert.All(truth.Visits, visit => Assert.True(
            visit.ArriveFrame <= visit.ParkedFrame && visit.ParkedFrame <= visit.LeaveFrame && visit.LeaveFrame <= visit.GoneFrame));
        foreach (var frame in truth.Frames)
        {
            var present = truth.Visits.Where(visit => visit.ArriveFrame <= frame.Index && frame.Index < visit.GoneFrame).ToList();
            var parked = present.Where(visit => visit.ParkedFrame <= frame.Index && frame.Index < visit.LeaveFrame).Select(visit => visit.BayId);
            Assert.Subset(frame.Occupied.ToHashSet(), parked.ToHashSet());
            Assert.Subset(present.Select(visit => visit.BayId).ToHashSet(), frame.Occupied.ToHashSet());
        }
    }

    [Fact]
    public void EnsureGenerated_GroundTruth_OneCarPerBayAtATime()
    {
        foreach (var bay in demo.Truth.Visits.GroupBy(visit => visit.BayId))
        {
            var stays = bay.OrderBy(visit => visit.ArriveFrame).ToList();
            Assert.All(stays.Zip(stays.Skip(1)), pair => Assert.True(pair.First.GoneFrame <= pair.Second.ArriveFrame));
        }
    }

    [Fact]
    public async Task ShippedModel_ReadsDemo_AgreesWithGroundTruthAtLeast99Percent()
    {
        using var classifier = new OnnxSpotClassifier(new ClassifierOptions());
        var map = SpotMap.Load(demo.Lot.MaskPath, new SpotMapOptions());
        using var source = new VideoFileFrameSource(demo.Lot.VideoPath, new FrameSourceOptions { AnalyzeEvery = 10 });
        using var cropper = new SpotCropper();
        var (agreed, total) = (0, 0);

        await foreach (var frame in source.ReadAsync(TestContext.Current.CancellationToken))
        {
            using (frame)
            {
                var verdicts = classifier.Classify(new SpotCrops(frame, map.Spots, cropper));
                agreed += map.Spots.Where((spot, index) => verdicts[index].Status == demo.Truth.StatusOf(frame.Index, spot.Id)).Count();
                total += map.Spots.Count;
            }
        }

        Assert.True(agreed >= 0.99 * total, $"The model agrees with the ground truth on {agreed} of {total} crops ({(double)agreed / total:P2}).");
    }

    public void Dispose()
    {
        if (Directory.Exists(_scratch)) Directory.Delete(_scratch, recursive: true);
    }

    private static DateTime[] WriteTimes(DemoLot lot) =>
        [.. new[] { lot.VideoPath, lot.MaskPath, lot.GroundTruthPath }.Select(File.GetLastWriteTimeUtc)];
}
