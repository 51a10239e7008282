namespace SmartSpot.Vision.Spots;

/// <summary>A frame's width and height in pixels.</summary>
public readonly record struct PixelSize(int Width, int Height)
{
    public long Pixels => (long)Width * Height;

    public override string ToString() => $"{Width}x{Height}";
}
