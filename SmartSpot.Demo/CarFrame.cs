using OpenCvSharp;

namespace SmartSpot.Demo;

/// <summary>Car coordinates on a sprite canvas: along from the rear (0) to the front (1), across from left (-0.5) to right (0.5).</summary>
internal readonly record struct CarFrame(double CentreX, double CentreY, double Length, double Width)
{
    public Point Point(double along, double across) =>
        new((int)Math.Round(CentreX + (along - 0.5) * Length), (int)Math.Round(CentreY + across * Width));

    public Point2f PointF(double along, double across) =>
        new((float)(CentreX + (along - 0.5) * Length), (float)(CentreY + across * Width));

    /// <summary>The body outline: a rectangle with corners rounded by a share of the width, rounder at the front.</summary>
    public Point[] RoundedBody(double rearRadius, double frontRadius)
    {
        var points = new List<Point>();
        Corner(points, 1 - frontRadius * Width / Length, 0.5 - frontRadius, frontRadius, 0);
        Corner(points, rearRadius * Width / Length, 0.5 - rearRadius, rearRadius, 90);
        Corner(points, rearRadius * Width / Length, -0.5 + rearRadius, rearRadius, 180);
        Corner(points, 1 - frontRadius * Width / Length, -0.5 + frontRadius, frontRadius, 270);
        return [.. points];
    }

    private void Corner(List<Point> points, double along, double across, double radius, int startDegrees)
    {
        var centre = PointF(along, across);
        for (var degrees = startDegrees; degrees <= startDegrees + 90; degrees += 10)
        {
            var angle = degrees * Math.PI / 180;
            points.Add(new Point((int)Math.Round(centre.X + radius * Width * Math.Cos(angle)), (int)Math.Round(centre.Y + radius * Width * Math.Sin(angle))));
        }
    }
}
