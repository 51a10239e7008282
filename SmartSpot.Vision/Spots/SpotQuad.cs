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

    /// <summary>Every edge is horizontal or vertical within <paramref name="tolerance"/> pixels: an upright rectangle, whose pixels are its box's.</summary>
    public bool IsAxisAligned(double tolerance)
    {
        var quad = this;
        return Enumerable.Range(0, 4).All(i =>
        {
            var edge = quad[i + 1] - quad[i];
            return Math.Abs(edge.X) <= tolerance || Math.Abs(edge.Y) <= tolerance;
        });
    }

    /// <summary>
    /// The pixels of <paramref name="box"/> whose centres lie inside this convex outline, row by row: for each row of the
    /// box, the columns [Start, End) relative to the box's left edge (Start = End when the row has none).
    /// </summary>
    public (int Start, int End)[] RowSpans(PixelBox box)
    {
        var spans = new (int Start, int End)[box.Height];
        for (var row = 0; row < box.Height; row++)
        {
            var y = box.Y + row + 0.5;
            var (left, right) = (double.PositiveInfinity, double.NegativeInfinity);
            for (var corner = 0; corner < 4; corner++)
            {
                var (p, q) = (this[corner], this[corner + 1]);
                if (p.Y == q.Y || (p.Y - y) * (q.Y - y) > 0) continue;
                var x = p.X + (y - p.Y) * (q.X - p.X) / (q.Y - p.Y);
                (left, right) = (Math.Min(left, x), Math.Max(right, x));
            }
            if (left > right) continue;
            var start = Math.Clamp((int)Math.Ceiling(left - 0.5 - box.X), 0, box.Width);
            var end = Math.Clamp((int)Math.Floor(right - 0.5 - box.X) + 1, start, box.Width);
            spans[row] = (start, end);
        }
        return spans;
    }

    /// <summary>The same outline with its corners going clockwise on screen, starting from the same corner.</summary>
    public SpotQuad Clockwise() => SignedArea >= 0 ? this : new SpotQuad(A, D, C, B);

    public SpotQuad Map(Func<PixelPoint, PixelPoint> map) => new(map(A), map(B), map(C), map(D));

    public SpotQuad Scale(double scaleX, double scaleY) => Map(point => new PixelPoint(point.X * scaleX, point.Y * scaleY));

    public SpotQuad Translate(PixelPoint offset) => Map(point => point + offset);

    public override string ToString() => $"[{A} {B} {C} {D}]";
}
