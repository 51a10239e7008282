namespace SmartSpot.Vision.Spots;

/// <summary>An axis-aligned box in frame pixels: the engine's own geometry, so callers never need OpenCV's.</summary>
public readonly record struct PixelBox(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;

    public int Area => Width * Height;

    public bool IsEmpty => Width <= 0 || Height <= 0;

    public bool Contains(int x, int y) => x >= X && x < Right && y >= Y && y < Bottom;

    /// <summary>The part of this box that lies inside <paramref name="other"/>; empty when they do not meet.</summary>
    public PixelBox Intersect(PixelBox other)
    {
        var left = Math.Max(X, other.X);
        var top = Math.Max(Y, other.Y);
        var right = Math.Min(Right, other.Right);
        var bottom = Math.Min(Bottom, other.Bottom);
        return right > left && bottom > top ? new PixelBox(left, top, right - left, bottom - top) : default;
    }
}
