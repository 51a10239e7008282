namespace SmartSpot.Vision.Spots;

/// <summary>A spot's outline as four corners in frame pixels, in order around it (a rectangle from a mask is its box's corners).</summary>
public readonly record struct SpotQuad(PixelPoint A, PixelPoint B, PixelPoint C, PixelPoint D)
{
    public PixelPoint this[int corner] => ((corner % 4 + 4) % 4) switch
    {
        0 => A,
        1 => B,
        2 => C,
        _ => D,
    };

    public IReadOnlyList<PixelPoint> Corners => [A, B, C, D];

    /// <summary>The box's four corners, clockwise on screen from the top-left: the quad that covers exactly the box's pixels.</summary>
    public static SpotQuad FromBox(PixelBox box) =>
        new(new(box.X, box.Y), new(box.Right, box.Y), new(box.Right, box.Bottom), new(box.X, box.Bottom));

    /// <summary>Shoelace area: positive when the corners go clockwise on screen (y down).</summary>
    public double SignedArea => (A.Cross(B) + B.Cross(C) + C.Cross(D) + D.Cross(A)) / 2;

    public double Area => Math.Abs(SignedArea);

    public PixelPoint Centre => (A + B + C + D) * 0.25;

    /// <summary>The smallest whole-pixel box holding the quad (not clipped to any frame).</summary>
    public PixelBox Bounds
    {
        get
        {
            var left = (int)Math.Floor(Math.Min(Math.Min(A.X, B.X), Math.Min(C.X, D.X)));
            var top = (int)Math.Floor(Math.Min(Math.Min(A.Y, B.Y), Math.Min(C.Y, D.Y)));
            var right = (int)Math.Ceiling(Math.Max(Math.Max(A.X, B.X), Math.Max(C.X, D.X)));
            var bottom = (int)Math.Ceiling(Math.Max(Math.Max(A.Y, B.Y), Math.Max(C.Y, D.Y)));
            return new PixelBox(left, top, right - left, bottom - top);
        }
    }

    public bool IsFinite => A.IsFinite && B.IsFinite && C.IsFinite && D.IsFinite;

    /// <summary>Every corner turns the same way and the area is not zero: no dent, no crossing edges, no three corners on a line.</summary>
    public bool IsConvex
    {
        get
        {
            var quad = this;
            var turns = Enumerable.Range(0, 4).Select(i => (quad[i + 1] - quad[i]).Cross(quad[i + 2] - quad[i + 1])).ToArray();
            return IsFinite && (turns.All(turn => turn > 1e-9) || turns.All(turn => turn < -1e-9));
        }
    }

    /// <summary>The same outline with its corners going clockwise on screen, starting from the same corner.</summary>
    public SpotQuad Clockwise() => SignedArea >= 0 ? this : new SpotQuad(A, D, C, B);

    public SpotQuad Map(Func<PixelPoint, PixelPoint> map) => new(map(A), map(B), map(C), map(D));

    public SpotQuad Scale(double scaleX, double scaleY) => Map(point => new PixelPoint(point.X * scaleX, point.Y * scaleY));

    public SpotQuad Translate(PixelPoint offset) => Map(point => point + offset);

    public override string ToString() => $"[{A} {B} {C} {D}]";
}
