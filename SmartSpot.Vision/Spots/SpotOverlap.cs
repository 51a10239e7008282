namespace SmartSpot.Vision.Spots;

/// <summary>How much two convex spot outlines cover the same pixels: the area of their intersection.</summary>
public static class SpotOverlap
{
    /// <summary>Square pixels both quads cover; 0 when they are apart or only touch. Both must be convex (<see cref="SpotQuad.IsConvex"/>).</summary>
    public static double Area(SpotQuad first, SpotQuad second)
    {
        var a = first.Clockwise();
        var b = second.Clockwise();
        var boundsA = a.Bounds;
        if (boundsA.Intersect(b.Bounds).IsEmpty) return 0;
        // Sutherland-Hodgman: keep the part of a on the inner side of each edge of b.
        IReadOnlyList<PixelPoint> polygon = a.Corners;
        for (var edge = 0; edge < 4 && polygon.Count > 0; edge++)
        {
            polygon = Clip(polygon, b[edge], b[edge + 1]);
        }
        return Math.Abs(SignedArea(polygon));
    }

    /// <summary>The part of <paramref name="polygon"/> on the right of from→to (inside, for a clockwise outline on screen).</summary>
    private static List<PixelPoint> Clip(IReadOnlyList<PixelPoint> polygon, PixelPoint from, PixelPoint to)
    {
        var edge = to - from;
        double Side(PixelPoint point) => edge.Cross(point - from);
        var kept = new List<PixelPoint>(polygon.Count + 2);
        for (var index = 0; index < polygon.Count; index++)
        {
            var current = polygon[index];
            var next = polygon[(index + 1) % polygon.Count];
            var (sideCurrent, sideNext) = (Side(current), Side(next));
            if (sideCurrent >= 0) kept.Add(current);
            if (sideCurrent >= 0 != sideNext >= 0)
            {
                kept.Add(current + (next - current) * (sideCurrent / (sideCurrent - sideNext)));
            }
        }
        return kept;
    }

    private static double SignedArea(IReadOnlyList<PixelPoint> polygon)
    {
        var twice = 0.0;
        for (var index = 0; index < polygon.Count; index++)
        {
            twice += polygon[index].Cross(polygon[(index + 1) % polygon.Count]);
        }
        return twice / 2;
    }
}
