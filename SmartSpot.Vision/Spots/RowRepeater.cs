namespace SmartSpot.Vision.Spots;

/// <summary>
/// Fills a row of equal bays between its two end bays as the camera sees them: the bays are evenly spaced on the
/// ground, so on the image they follow the perspective the end bays show (nearer bays wider and further apart).
/// </summary>
public static class RowRepeater
{
    /// <summary>Most bays in one row: far more than any real row, few enough to draw at once.</summary>
    public const int MaxCount = 1000;

    /// <summary>
    /// The <paramref name="count"/> bays of the row, from <paramref name="first"/> to <paramref name="last"/> (both included,
    /// as given, clockwise). Each side edge of the bays runs along its own perspective mapping, fitted to that edge of
    /// the two end bays; where the end bays leave no perspective to fit (side edges on one line), the edges are spaced linearly.
    /// </summary>
    public static IReadOnlyList<SpotQuad> Repeat(SpotQuad first, SpotQuad last, int count)
    {
        if (count is < 2 or > MaxCount)
        {
            throw new InvalidInputException($"A row has from 2 to {MaxCount} bays (the two end bays included), not {count}.");
        }
        var start = first.Clockwise();
        var end = Aligned(start, last.Clockwise());
        var direction = end.Centre - start.Centre;
        if (direction.Length < 1)
        {
            throw new InvalidInputException("The row's two end bays are in the same place: drag the last bay to the other end of the row.");
        }
        // The side edge of the bays that trails along the row, and the one that leads.
        var trailing = Enumerable.Range(0, 4).MinBy(k => ((start[k] + start[k + 1]) * 0.5).Dot(direction));
        var trailingEdge = Edge(start[trailing], start[trailing + 1], end[trailing], end[trailing + 1], count);
        var leadingEdge = Edge(start[trailing + 3], start[trailing + 2], end[trailing + 3], end[trailing + 2], count);
        return Enumerable.Range(0, count).Select(bay =>
        {
            var corners = new PixelPoint[4];
            corners[trailing % 4] = trailingEdge(bay, 0);
            corners[(trailing + 1) % 4] = trailingEdge(bay, 1);
            corners[(trailing + 2) % 4] = leadingEdge(bay, 1);
            corners[(trailing + 3) % 4] = leadingEdge(bay, 0);
            return new SpotQuad(corners[0], corners[1], corners[2], corners[3]);
        }).ToList();
    }

    /// <summary>
    /// Where one side edge of bay i lies: the edge runs from end 0 to end 1 (0/1), bay 0's is (p0, p1), bay count-1's
    /// is (q0, q1). On the ground the row is a strip with bay i's edge at x = i; the image of that strip is one homography.
    /// </summary>
    private static Func<int, int, PixelPoint> Edge(PixelPoint p0, PixelPoint p1, PixelPoint q0, PixelPoint q1, int count)
    {
        var ground = new PixelPoint[] { new(0, 0), new(0, 1), new(count - 1, 0), new(count - 1, 1) };
        var mapping = Homography.Fit(ground, [p0, p1, q0, q1]);
        if (mapping is null)
        {
            return (bay, end) =>
            {
                var t = (double)bay / (count - 1);
                return end == 0 ? p0 + (q0 - p0) * t : p1 + (q1 - p1) * t;
            };
        }
        return (bay, end) => bay == 0 ? (end == 0 ? p0 : p1)
            : bay == count - 1 ? (end == 0 ? q0 : q1)
            : mapping.Map(new PixelPoint(bay, end));
    }

    /// <summary><paramref name="last"/> with its corners renumbered to match <paramref name="first"/>'s (the drawing order of the two may differ).</summary>
    private static SpotQuad Aligned(SpotQuad first, SpotQuad last)
    {
        var shift = Enumerable.Range(0, 4).MinBy(s => Enumerable.Range(0, 4)
            .Sum(i => Math.Pow(((last[i + s] - last.Centre) - (first[i] - first.Centre)).Length, 2)));
        return new SpotQuad(last[shift], last[shift + 1], last[shift + 2], last[shift + 3]);
    }
}
