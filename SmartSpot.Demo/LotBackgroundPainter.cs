using OpenCvSharp;

namespace SmartSpot.Demo;

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
        Canvas.AddNoise(grey, random, cell: 64, sigma: 5);
        Canvas.AddNoise(grey, random, cell: 6, sigma: 3);
        Canvas.AddNoise(grey, random, cell: 1, sigma: 6);
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
        Canvas.AddNoise(grey, random, cell: 1, sigma: 4);
        using var grey8 = new Mat();
        grey.ConvertTo(grey8, MatType.CV_8UC1);
        var lot = new Mat();
        Cv2.Merge([grey8, grey8, grey8], lot);
        Cv2.Add(lot, new Scalar(3, 1, 0), lot);
        PaintLines(lot, options, layout, random);
        VergePainter.Paint(lot, options, layout, random);
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
        Canvas.AddNoise(worn, random, cell: 4, sigma: 0.2);
        Cv2.Multiply(paint, worn, paint);
        Cv2.Threshold(paint, paint, 1, 1, ThresholdTypes.Trunc);
        Cv2.Threshold(paint, paint, 0, 0, ThresholdTypes.Tozero);
        Cv2.GaussianBlur(paint, paint, new Size(0, 0), 0.6);
        Canvas.Blend(lot, paint, new Scalar(218, 222, 224));
    }
}
