using OpenCvSharp;

namespace SmartSpot.Vision.Demo;

/// <summary>
/// Paints the empty lot once: asphalt with blotches, grain and worn tyre tracks in the lanes, oil stains in some bays,
/// worn white bay lines, kerbs, grass and trees around the rows; slightly soft, like a camera image.
/// </summary>
internal static class LotBackgroundPainter
{
    public static Mat Paint(DemoLotOptions options, DemoLotLayout layout, Random random)
    {
        var size = new Size(options.Width, options.Height);
        using var grey = new Mat(size, MatType.CV_32FC1, Scalar.All(92));
        AddNoise(grey, random, cell: 64, sigma: 5);
        AddNoise(grey, random, cell: 6, sigma: 3);
        AddNoise(grey, random, cell: 1, sigma: 6);
        using var wear = new Mat(size, MatType.CV_32FC1, Scalar.All(0));
        foreach (var laneY in layout.LaneCentres)
        {
            foreach (var side in new[] { -1, 1 })
            {
                var trackY = laneY + side * (int)(0.27 * layout.BayWidth);
                Cv2.Line(wear, new Point(0, trackY), new Point(options.Width, trackY), Scalar.All(-7), (int)(0.2 * layout.BayWidth));
            }
        }
        foreach (var bay in layout.Bays.Where(_ => random.NextDouble() < 0.4))
        {
            var spot = layout.ParkingSpotOf(bay);
            var stain = new RotatedRect(new Point2f((float)spot.X + random.Next(-6, 7), (float)spot.Y + random.Next(-10, 11)),
                new Size2f(0.35f * layout.BayWidth, 0.3f * layout.BayHeight), random.Next(180));
            Cv2.Ellipse(wear, stain, Scalar.All(-6 - 6 * random.NextDouble()), -1);
        }
        Cv2.GaussianBlur(wear, wear, new Size(0, 0), 0.08 * layout.BayWidth);
        Cv2.Add(grey, wear, grey);
        Cv2.GaussianBlur(grey, grey, new Size(0, 0), 1.2);
        AddNoise(grey, random, cell: 1, sigma: 4);
        using var grey8 = new Mat();
        grey.ConvertTo(grey8, MatType.CV_8UC1);
        var lot = new Mat();
        Cv2.Merge([grey8, grey8, grey8], lot);
        Cv2.Add(lot, new Scalar(3, 1, 0), lot);
        PaintLines(lot, options, layout, random);
        PaintVerges(lot, options, layout, random);
        Cv2.GaussianBlur(lot, lot, new Size(3, 3), 0.7);
        return lot;
    }

    /// <summary>Side lines between bays and a back line behind each row, in worn white paint.</summary>
    private static void PaintLines(Mat lot, DemoLotOptions options, DemoLotLayout layout, Random random)
    {
        using var paint = new Mat(lot.Size(), MatType.CV_32FC1, Scalar.All(0));
        var right = layout.Left + options.Columns * layout.BayWidth;
        for (var row = 0; row < options.Rows; row++)
        {
            var top = layout.RowTops[row];
            var back = row % 2 == 0 ? top : top + layout.BayHeight;
            Cv2.Line(paint, new Point(layout.Left, back), new Point(right, back), Scalar.All(1), layout.LineThickness);
            for (var column = 0; column <= options.Columns; column++)
            {
                var x = layout.Left + column * layout.BayWidth;
                Cv2.Line(paint, new Point(x, top), new Point(x, top + layout.BayHeight), Scalar.All(1), layout.LineThickness);
            }
        }
        using var worn = new Mat(lot.Size(), MatType.CV_32FC1, Scalar.All(0.85));
        AddNoise(worn, random, cell: 4, sigma: 0.2);
        Cv2.Multiply(paint, worn, paint);
        Cv2.Threshold(paint, paint, 1, 1, ThresholdTypes.Trunc);
        Cv2.Threshold(paint, paint, 0, 0, ThresholdTypes.Tozero);
        Cv2.GaussianBlur(paint, paint, new Size(0, 0), 0.6);
        Blend(lot, paint, new Scalar(218, 222, 224));
    }

    /// <summary>Grass with a concrete kerb above and below the rows and beside them, where there is room.</summary>
    private static void PaintVerges(Mat lot, DemoLotOptions options, DemoLotLayout layout, Random random)
    {
        var top = layout.RowTops[0];
        var bottom = layout.RowTops[^1] + layout.BayHeight;
        var right = layout.Left + options.Columns * layout.BayWidth;
        var gap = layout.LineThickness + 4;
        var verges = new List<Rect> { new(0, 0, options.Width, top - gap), new(0, bottom + gap, options.Width, options.Height - bottom - gap) };
        foreach (var (bandTop, bandBottom) in RowBands(layout))
        {
            verges.Add(new Rect(0, bandTop, layout.Left - gap, bandBottom - bandTop));
            verges.Add(new Rect(right + gap, bandTop, options.Width - right - gap, bandBottom - bandTop));
        }
        using var grass = new Mat(lot.Size(), MatType.CV_32FC1, Scalar.All(0));
        foreach (var verge in verges.Where(verge => verge.Width > 4 && verge.Height > 4))
        {
            Cv2.Rectangle(lot, verge, new Scalar(165, 168, 170), -1);
            Cv2.Rectangle(grass, new Rect(verge.X + 4, verge.Y + 4, verge.Width - 8, verge.Height - 8), Scalar.All(1), -1);
        }
        using var green = new Mat(lot.Size(), MatType.CV_32FC1, Scalar.All(1));
        AddNoise(green, random, cell: 24, sigma: 0.12);
        AddNoise(green, random, cell: 2, sigma: 0.12);
        using var blue = Scaled(green, 52);
        using var greenChannel = Scaled(green, 112);
        using var red = Scaled(green, 78);
        using var texture = new Mat();
        Cv2.Merge([blue, greenChannel, red], texture);
        using var grass3 = new Mat();
        Cv2.Merge([grass, grass, grass], grass3);
        using var lot32 = new Mat();
        lot.ConvertTo(lot32, MatType.CV_32FC3);
        using var inverse = new Mat();
        Cv2.Subtract(Scalar.All(1), grass3, inverse);
        Cv2.Multiply(lot32, inverse, lot32);
        Cv2.Multiply(texture, grass3, texture);
        Cv2.Add(lot32, texture, lot32);
        lot32.ConvertTo(lot, MatType.CV_8UC3);
        foreach (var verge in verges.Where(verge => verge.Width > 2 * layout.BayHeight && verge.Height > layout.BayHeight * 0.9))
        {
            PaintTrees(lot, verge, layout.BayHeight, random);
        }
    }

    /// <summary>A few round tree crowns of overlapping leafy blobs, with their shadows, inside a verge.</summary>
    private static void PaintTrees(Mat lot, Rect verge, int size, Random random)
    {
        using var area = new Mat(lot, verge);
        using var shadow = new Mat(verge.Size, MatType.CV_32FC1, Scalar.All(0));
        var crowns = new List<(Point Centre, int Radius)>();
        for (var tree = 0; tree < Math.Max(1, verge.Width * verge.Height / (1.4 * size * size)); tree++)
        {
            var radius = (int)Math.Min(size * (0.32 + 0.15 * random.NextDouble()), verge.Height / 2 - 2);
            crowns.Add((new Point(random.Next(radius, verge.Width - radius), random.Next(radius, Math.Max(radius + 1, verge.Height - radius))), radius));
        }
        foreach (var (centre, radius) in crowns)
        {
            Cv2.Circle(shadow, new Point(centre.X + radius / 3, centre.Y + radius / 2), radius, Scalar.All(0.45), -1);
        }
        Cv2.GaussianBlur(shadow, shadow, new Size(0, 0), 0.06 * size);
        Blend(area, shadow, Scalar.All(0));
        foreach (var (centre, radius) in crowns)
        {
            for (var blob = 0; blob < 9; blob++)
            {
                var angle = random.NextDouble() * 2 * Math.PI;
                var distance = random.NextDouble() * radius * 0.55;
                var light = 0.6 + 0.5 * random.NextDouble() - 0.25 * Math.Sin(angle);
                var leaves = new Point(centre.X + (int)(distance * Math.Cos(angle)), centre.Y + (int)(distance * Math.Sin(angle)));
                Cv2.Circle(area, leaves, (int)(radius * (0.4 + 0.2 * random.NextDouble())), new Scalar(38 * light, 82 * light, 52 * light), -1, LineTypes.AntiAlias);
            }
        }
    }

    /// <summary>Vertical spans of rows that touch (a double row is one band).</summary>
    private static List<(int Top, int Bottom)> RowBands(DemoLotLayout layout)
    {
        var bands = new List<(int Top, int Bottom)>();
        foreach (var top in layout.RowTops)
        {
            if (bands.Count > 0 && bands[^1].Bottom == top)
            {
                bands[^1] = (bands[^1].Top, top + layout.BayHeight);
            }
            else
            {
                bands.Add((top, top + layout.BayHeight));
            }
        }
        return bands;
    }

    private static Mat Scaled(Mat source, double factor)
    {
        var result = new Mat();
        source.ConvertTo(result, MatType.CV_32FC1, factor);
        return result;
    }

    /// <summary>Blends a paint colour over the lot with a 0-1 float mask.</summary>
    private static void Blend(Mat lot, Mat mask, Scalar colour)
    {
        using var mask3 = new Mat();
        Cv2.Merge([mask, mask, mask], mask3);
        using var lot32 = new Mat();
        lot.ConvertTo(lot32, MatType.CV_32FC3);
        using var inverse = new Mat();
        Cv2.Subtract(Scalar.All(1), mask3, inverse);
        Cv2.Multiply(lot32, inverse, lot32);
        using var painted = new Mat(lot.Size(), MatType.CV_32FC3, colour);
        Cv2.Multiply(mask3, painted, painted);
        Cv2.Add(lot32, painted, lot32);
        lot32.ConvertTo(lot, MatType.CV_8UC3);
    }

    /// <summary>Adds Gaussian noise drawn on a grid of <paramref name="cell"/> pixels, smoothly enlarged: blotches or grain.</summary>
    private static void AddNoise(Mat target, Random random, int cell, double sigma)
    {
        var rows = target.Rows / cell + 2;
        var columns = target.Cols / cell + 2;
        var values = new float[rows * columns];
        for (var index = 0; index < values.Length; index++)
        {
            values[index] = (float)(sigma * Gaussian(random));
        }
        using var small = new Mat(rows, columns, MatType.CV_32FC1);
        small.SetArray(values);
        using var large = new Mat();
        Cv2.Resize(small, large, new Size(columns * cell, rows * cell), interpolation: cell == 1 ? InterpolationFlags.Nearest : InterpolationFlags.Cubic);
        using var cropped = new Mat(large, new Rect(cell / 2, cell / 2, target.Cols, target.Rows));
        Cv2.Add(target, cropped, target);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
