namespace SmartSpot.Vision.Spots;

/// <summary>A plane-to-image perspective mapping (3x3, h33 = 1) fitted exactly to four point pairs.</summary>
public sealed class Homography
{
    private readonly double[] _h;

    private Homography(double[] h) => _h = h;

    /// <summary>The mapping taking each <paramref name="from"/> point to the <paramref name="to"/> point of the same index; null when three points lie on a line.</summary>
    public static Homography? Fit(IReadOnlyList<PixelPoint> from, IReadOnlyList<PixelPoint> to)
    {
        if (from.Count != 4 || to.Count != 4) throw new ArgumentException("A homography is fitted to exactly four point pairs.");
        if (HasThreeOnALine(from) || HasThreeOnALine(to)) return null;
        // Two rows per pair of x' = (h0 x + h1 y + h2) / (h6 x + h7 y + 1), y' = (h3 x + h4 y + h5) / (h6 x + h7 y + 1).
        var system = new double[8, 9];
        for (var i = 0; i < 4; i++)
        {
            var (x, y, u, v) = (from[i].X, from[i].Y, to[i].X, to[i].Y);
            double[] rowU = [x, y, 1, 0, 0, 0, -u * x, -u * y, u];
            double[] rowV = [0, 0, 0, x, y, 1, -v * x, -v * y, v];
            for (var column = 0; column < 9; column++)
            {
                system[2 * i, column] = rowU[column];
                system[2 * i + 1, column] = rowV[column];
            }
        }
        return Solve(system) is { } h ? new Homography([.. h, 1]) : null;
    }

    public PixelPoint Map(PixelPoint point)
    {
        var w = _h[6] * point.X + _h[7] * point.Y + _h[8];
        return new PixelPoint((_h[0] * point.X + _h[1] * point.Y + _h[2]) / w, (_h[3] * point.X + _h[4] * point.Y + _h[5]) / w);
    }

    /// <summary>Gauss-Jordan with partial pivoting on an 8x9 augmented matrix; null when it has no single solution.</summary>
    private static double[]? Solve(double[,] system)
    {
        const int size = 8;
        for (var column = 0; column < size; column++)
        {
            var pivot = column;
            for (var row = column + 1; row < size; row++)
            {
                if (Math.Abs(system[row, column]) > Math.Abs(system[pivot, column])) pivot = row;
            }
            if (system[pivot, column] == 0) return null;
            for (var k = 0; k <= size; k++) (system[column, k], system[pivot, k]) = (system[pivot, k], system[column, k]);
            for (var row = 0; row < size; row++)
            {
                if (row == column) continue;
                var factor = system[row, column] / system[column, column];
                for (var k = column; k <= size; k++) system[row, k] -= factor * system[column, k];
            }
        }
        var solution = new double[size];
        for (var row = 0; row < size; row++) solution[row] = system[row, size] / system[row, row];
        return solution.All(double.IsFinite) ? solution : null;
    }

    /// <summary>Three of the points on one line (within a millionth of the points' spread): no perspective mapping fits them.</summary>
    private static bool HasThreeOnALine(IReadOnlyList<PixelPoint> points)
    {
        var spread = points.Max(p => (p - points[0]).Length);
        for (var skip = 0; skip < 4; skip++)
        {
            var three = points.Where((_, index) => index != skip).ToArray();
            if (Math.Abs((three[1] - three[0]).Cross(three[2] - three[0])) <= 1e-6 * spread * spread) return true;
        }
        return false;
    }
}
