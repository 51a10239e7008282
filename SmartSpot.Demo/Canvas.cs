using OpenCvSharp;

namespace SmartSpot.Demo;

/// <summary>Small raster helpers shared by the painters: noise at a scale, blending a colour through a mask.</summary>
internal static class Canvas
{
    /// <summary>Blends a paint colour over the lot with a 0-1 float mask.</summary>
    public static void Blend(Mat lot, Mat mask, Scalar colour)
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
    public static void AddNoise(Mat target, Random random, int cell, double sigma)
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

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
