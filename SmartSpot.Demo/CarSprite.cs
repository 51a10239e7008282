using OpenCvSharp;

namespace SmartSpot.Demo;

/// <summary>
/// One car seen from above, pointing right: rounded body in a car colour, shaded towards its edges, dark windscreen,
/// rear window and side glass, roof, mirrors and lights; drawn 4x larger and shrunk, so its edges are smooth.
/// </summary>
internal sealed class CarSprite : IDisposable
{
    private const int Supersample = 4;
    private readonly Mat _colour;
    private readonly Mat _alpha;

    public CarSprite(Random random, double length, double width)
    {
        Length = length;
        Width = width;
        var body = CarPalette.Pick(random);
        var (colour, alpha) = Paint(random, body, length * Supersample, width * Supersample);
        using (colour)
        using (alpha)
        {
            var size = new Size(colour.Width / Supersample, colour.Height / Supersample);
            _colour = new Mat();
            _alpha = new Mat();
            Cv2.Resize(colour, _colour, size, interpolation: InterpolationFlags.Area);
            Cv2.Resize(alpha, _alpha, size, interpolation: InterpolationFlags.Area);
        }
    }

    public double Length { get; }

    public double Width { get; }

    /// <summary>Draws the car and its shadow (the sun is to the upper left) into <paramref name="frame"/>, clipped to it.</summary>
    public unsafe void Draw(Mat frame, CarPose pose)
    {
        var reach = (int)Math.Ceiling(Math.Sqrt(_colour.Width * _colour.Width + _colour.Height * _colour.Height) / 2 + 0.3 * Width);
        var around = new Rect((int)pose.Centre.X - reach, (int)pose.Centre.Y - reach, 2 * reach + 1, 2 * reach + 1);
        var roi = around & new Rect(0, 0, frame.Width, frame.Height);
        if (roi.Width <= 0 || roi.Height <= 0) return;
        var (cos, sin) = (Math.Cos(pose.Heading), Math.Sin(pose.Heading));
        var (spriteX, spriteY) = (_colour.Width / 2.0, _colour.Height / 2.0);
        var x = pose.Centre.X - roi.X - (cos * spriteX - sin * spriteY);
        var y = pose.Centre.Y - roi.Y - (sin * spriteX + cos * spriteY);
        using var transform = new Mat(2, 3, MatType.CV_64FC1);
        transform.SetArray(new[] { cos, -sin, x, sin, cos, y });
        using var colour = new Mat();
        using var alpha = new Mat();
        Cv2.WarpAffine(_colour, colour, transform, roi.Size, InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        Cv2.WarpAffine(_alpha, alpha, transform, roi.Size, InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        transform.SetArray(new[] { cos, -sin, x + 0.1 * Width, sin, cos, y + 0.14 * Width });
        using var shadow = new Mat();
        Cv2.WarpAffine(_alpha, shadow, transform, roi.Size, InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        Cv2.GaussianBlur(shadow, shadow, new Size(0, 0), 0.08 * Width);
        using var region = new Mat(frame, roi);
        for (var row = 0; row < roi.Height; row++)
        {
            var target = (byte*)region.Ptr(row);
            var car = (byte*)colour.Ptr(row);
            var cover = (byte*)alpha.Ptr(row);
            var shade = (byte*)shadow.Ptr(row);
            for (var column = 0; column < roi.Width; column++)
            {
                var a = cover[column] / 255f;
                var dark = 1 - 0.55f * shade[column] / 255f;
                for (var channel = 0; channel < 3; channel++)
                {
                    var index = 3 * column + channel;
                    target[index] = (byte)(target[index] * dark * (1 - a) + car[index] * a + 0.5f);
                }
            }
        }
    }

    public void Dispose()
    {
        _colour.Dispose();
        _alpha.Dispose();
    }

    private static (Mat Colour, Mat Alpha) Paint(Random random, Scalar body, double length, double width)
    {
        var pad = 3 * Supersample;
        var canvas = new Size((int)Math.Ceiling(length) + 2 * pad, (int)Math.Ceiling(width * 1.16) + 2 * pad);
        var colour = new Mat(canvas, MatType.CV_8UC3, Scalar.All(0));
        var alpha = new Mat(canvas, MatType.CV_8UC1, Scalar.All(0));
        var at = new CarFrame(canvas.Width / 2.0, canvas.Height / 2.0, length, width);
        var hatchback = random.NextDouble() < 0.35;
        var (rearGlass, roof, windscreen, bonnet) = hatchback ? (0.07, 0.16, 0.58, 0.76) : (0.15, 0.28, 0.55, 0.73);
        var glass = CarPalette.Glass(random);
        var outline = at.RoundedBody(0.2, 0.26);
        Cv2.FillPoly(colour, [outline], body, LineTypes.AntiAlias);
        Cv2.FillPoly(alpha, [outline], Scalar.All(255), LineTypes.AntiAlias);
        foreach (var side in new[] { -1, 1 })
        {
            var mirror = new RotatedRect(at.Point(windscreen + 0.04, side * 0.54), new Size2f(0.05 * length, 0.1 * width), 0);
            Cv2.Ellipse(colour, mirror, CarPalette.Scale(body, 0.8), -1, LineTypes.AntiAlias);
            Cv2.Ellipse(alpha, mirror, Scalar.All(255), -1, LineTypes.AntiAlias);
            Cv2.FillConvexPoly(colour, [at.Point(roof, side * 0.35), at.Point(windscreen, side * 0.37), at.Point(windscreen, side * 0.45), at.Point(roof, side * 0.43)], glass, LineTypes.AntiAlias);
            Cv2.Ellipse(colour, new RotatedRect(at.Point(0.975, side * 0.33), new Size2f(0.035 * length, 0.17 * width), 0), new Scalar(205, 220, 230), -1, LineTypes.AntiAlias);
            Cv2.Ellipse(colour, new RotatedRect(at.Point(0.02, side * 0.34), new Size2f(0.03 * length, 0.2 * width), 0), new Scalar(35, 30, 150), -1, LineTypes.AntiAlias);
            Cv2.Line(colour, at.Point(bonnet + 0.03, side * 0.22), at.Point(0.95, side * 0.2), CarPalette.Scale(body, 0.9), Supersample, LineTypes.AntiAlias);
        }
        Cv2.FillConvexPoly(colour, [at.Point(windscreen, -0.39), at.Point(bonnet, -0.45), at.Point(bonnet, 0.45), at.Point(windscreen, 0.39)], glass, LineTypes.AntiAlias);
        Cv2.FillConvexPoly(colour, [at.Point(rearGlass, -0.4), at.Point(roof, -0.37), at.Point(roof, 0.37), at.Point(rearGlass, 0.4)], glass, LineTypes.AntiAlias);
        Cv2.Rectangle(colour, at.Point(roof, -0.35), at.Point(windscreen, 0.35), CarPalette.Scale(body, 1.06), -1, LineTypes.AntiAlias);
        Cv2.Line(colour, at.Point(windscreen + 0.02, -0.3), at.Point(bonnet - 0.02, 0.1), CarPalette.Scale(glass, 1.8), 2 * Supersample, LineTypes.AntiAlias);
        Shade(colour, alpha, width);
        return (colour, alpha);
    }

    /// <summary>Darkens towards the body's edges (it is curved) and adds a soft white sheen along its middle (sky reflected in the paint).</summary>
    private static unsafe void Shade(Mat colour, Mat alpha, double width)
    {
        using var distance = new Mat();
        Cv2.DistanceTransform(alpha, distance, DistanceTypes.L2, DistanceTransformMasks.Mask5);
        var (rows, columns) = (colour.Height, colour.Width);
        var middle = rows / 2.0;
        for (var row = 0; row < rows; row++)
        {
            var pixels = (byte*)colour.Ptr(row);
            var inside = (float*)distance.Ptr(row);
            var across = (row - middle) / (0.2 * width);
            var sheen = 45 * Math.Exp(-across * across);
            for (var column = 0; column < columns; column++)
            {
                var curve = Math.Min(1, inside[column] / (0.18 * width));
                var factor = 0.6 + 0.4 * curve;
                for (var channel = 0; channel < 3; channel++)
                {
                    pixels[3 * column + channel] = (byte)Math.Min(255, pixels[3 * column + channel] * factor + sheen * curve);
                }
            }
        }
    }
}
