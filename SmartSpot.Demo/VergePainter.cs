using OpenCvSharp;

namespace SmartSpot.Demo;

/// <summary>Grass verges with concrete kerbs above, below and beside the rows of bays, with a few trees where there is room.</summary>
internal static class VergePainter
{
    /// <summary>Paints the verges (and their trees) onto the lot.</summary>
    public static void Paint(Mat lot, DemoLotOptions options, DemoLotLayout layout, Random random)
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
        Canvas.AddNoise(green, random, cell: 24, sigma: 0.12);
        Canvas.AddNoise(green, random, cell: 2, sigma: 0.12);
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
        Canvas.Blend(area, shadow, Scalar.All(0));
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
}
