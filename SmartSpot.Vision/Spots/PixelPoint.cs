namespace SmartSpot.Vision.Spots;

/// <summary>A point in frame pixels, sub-pixel: (0, 0) is the top-left corner of the top-left pixel, y grows downwards.</summary>
public readonly record struct PixelPoint(double X, double Y)
{
    public static PixelPoint operator +(PixelPoint a, PixelPoint b) => new(a.X + b.X, a.Y + b.Y);

    public static PixelPoint operator -(PixelPoint a, PixelPoint b) => new(a.X - b.X, a.Y - b.Y);

    public static PixelPoint operator *(PixelPoint a, double factor) => new(a.X * factor, a.Y * factor);

    /// <summary>The z of the cross product: positive when <paramref name="b"/> turns clockwise from this on screen (y down).</summary>
    public double Cross(PixelPoint b) => X * b.Y - Y * b.X;

    public double Dot(PixelPoint b) => X * b.X + Y * b.Y;

    public double Length => Math.Sqrt(X * X + Y * Y);

    public bool IsFinite => double.IsFinite(X) && double.IsFinite(Y);

    public override string ToString() => FormattableString.Invariant($"({X:0.##}, {Y:0.##})");
}
