using OpenCvSharp;

namespace SmartSpot.Demo;

/// <summary>
/// Draws the planned visits frame by frame and writes the video: the empty lot is painted once, parked cars are added to a
/// scene only when the set of parked cars changes, and each frame is that scene plus the moving cars, a slow brightness
/// drift and sensor noise; frames are encoded on a second thread while the next ones are drawn.
/// </summary>
internal sealed class DemoLotRenderer(DemoLotOptions options)
{
    /// <summary>A moving car counts as occupying its bay from this share of the overlap it has when parked.</summary>
    private const double OccupiedCoverage = 0.5;

    private const int NoiseMean = 32;

    /// <summary>Writes the video to <paramref name="videoPath"/> (its extension picks the container) and returns the truth.</summary>
    public DemoGroundTruth Render(string videoPath, string fourCc)
    {
        var layout = new DemoLotLayout(options);
        var random = new Random(options.Seed);
        var visits = DemoSchedulePlanner.Plan(options, layout);
        var sprites = visits.Select(visit => CreateSprite(visit, layout)).ToArray();
        try
        {
            using var background = LotBackgroundPainter.Paint(options, layout, random);
            using var noise = SensorNoise(random);
            var size = new Size(options.Width, options.Height);
            using var writer = new BackgroundVideoWriter(videoPath, fourCc, options.Fps, size);
            using var scene = background.Clone();
            var sceneCars = new List<int>();
            var truth = new List<DemoFrameTruth>(options.FrameCount);
            var (phase, flickerPhase) = (random.NextDouble() * 2 * Math.PI, random.NextDouble() * 2 * Math.PI);
            for (var index = 0; index < options.FrameCount; index++)
            {
                var parked = Enumerable.Range(0, visits.Count).Where(visit => visits[visit].IsParkedAt(index)).ToList();
                if (!parked.SequenceEqual(sceneCars))
                {
                    background.CopyTo(scene);
                    parked.ForEach(visit => sprites[visit].Draw(scene, visits[visit].PoseAt(index, options.Fps)!.Value));
                    sceneCars = parked;
                }
                var frame = writer.Rent();
                scene.CopyTo(frame);
                var occupied = parked.Select(visit => visits[visit].Bay.Id).ToHashSet();
                for (var visit = 0; visit < visits.Count; visit++)
                {
                    if (visits[visit].IsParkedAt(index) || visits[visit].PoseAt(index, options.Fps) is not { } pose) continue;
                    sprites[visit].Draw(frame, pose);
                    if (Coverage(layout, visits[visit].Bay, sprites[visit], pose) >= OccupiedCoverage) occupied.Add(visits[visit].Bay.Id);
                }
                var seconds = index / (double)options.Fps;
                var gain = 1 + 0.035 * Math.Sin(2 * Math.PI * seconds / 23 + phase) + 0.01 * Math.Sin(2 * Math.PI * seconds / 3.1 + flickerPhase);
                using var grain = new Mat(noise, new Rect(random.Next(64), random.Next(64), options.Width, options.Height));
                Cv2.AddWeighted(frame, gain, grain, 1, -NoiseMean, frame);
                writer.Submit(frame);
                truth.Add(new DemoFrameTruth(index, [.. occupied.Order()]));
            }
            writer.Complete();
            return new DemoGroundTruth(options.Width, options.Height, options.Fps, options.FrameCount, layout.Bays, [.. visits.Select(visit => visit.Visit)], truth);
        }
        finally
        {
            foreach (var sprite in sprites) sprite.Dispose();
        }
    }

    private static CarSprite CreateSprite(PlannedVisit visit, DemoLotLayout layout)
    {
        var random = new Random(visit.LookSeed);
        var length = layout.BayHeight * (0.78 + 0.12 * random.NextDouble());
        var width = layout.BayWidth * (0.66 + 0.1 * random.NextDouble());
        return new CarSprite(random, length, width);
    }

    /// <summary>The car's overlap with its bay's lines, as a share of the overlap of a car parked square in the middle.</summary>
    private static double Coverage(DemoLotLayout layout, DemoBay bay, CarSprite car, CarPose pose)
    {
        var lines = layout.LinesOf(bay);
        var footprint = new RotatedRect(new Point2f((float)pose.Centre.X, (float)pose.Centre.Y),
            new Size2f((float)car.Length, (float)car.Width), (float)(pose.Heading * 180 / Math.PI)).Points();
        Point2f[] box = [new(lines.Left, lines.Top), new(lines.Right, lines.Top), new(lines.Right, lines.Bottom), new(lines.Left, lines.Bottom)];
        var overlap = Cv2.IntersectConvexConvex(footprint, box, out var intersection) > 0 ? Cv2.ContourArea(intersection) : 0;
        var parked = Math.Min(car.Length, lines.Height) * Math.Min(car.Width, lines.Width);
        return overlap / parked;
    }

    /// <summary>A field of Gaussian sensor noise around <see cref="NoiseMean"/>, 64 pixels larger than a frame: each frame takes a random window.</summary>
    private Mat SensorNoise(Random random)
    {
        var rows = options.Height + 64;
        var columns = options.Width + 64;
        var values = new byte[rows * columns * 3];
        for (var index = 0; index < values.Length; index++)
        {
            values[index] = (byte)Math.Clamp(NoiseMean + 2.5 * Canvas.Gaussian(random) + 0.5, 0, 255);
        }
        using var flat = new Mat(rows, columns * 3, MatType.CV_8UC1);
        flat.SetArray(values);
        using var noise = flat.Reshape(3, rows);
        return noise.Clone();
    }
}
