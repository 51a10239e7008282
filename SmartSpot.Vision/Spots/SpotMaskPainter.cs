using OpenCvSharp;

namespace SmartSpot.Vision.Spots;

/// <summary>
/// Paints spot outlines as a mask (white spots on black) that <see cref="SpotMap.FromMask"/> reads back as the same
/// spots: a pixel is a spot's when its centre lies inside the outline, and spots that touch keep a one-pixel black
/// seam between them so that they stay separate components.
/// </summary>
public static class SpotMaskPainter
{
    /// <summary>The mask as PNG bytes, at <paramref name="size"/>.</summary>
    public static byte[] PaintPng(PixelSize size, IEnumerable<SpotQuad> outlines)
    {
        var labels = Label(size, outlines);
        var pixels = new byte[labels.Length];
        for (var y = 0; y < size.Height; y++)
        {
            for (var x = 0; x < size.Width; x++)
            {
                var index = y * size.Width + x;
                var label = labels[index];
                if (label == 0) continue;
                var touchesRight = x + 1 < size.Width && labels[index + 1] is var right && right != 0 && right != label;
                var touchesBelow = y + 1 < size.Height && labels[index + size.Width] is var below && below != 0 && below != label;
                pixels[index] = touchesRight || touchesBelow ? (byte)0 : (byte)255;
            }
        }
        using var mask = Mat.FromPixelData(size.Height, size.Width, MatType.CV_8UC1, pixels);
        Cv2.ImEncode(".png", mask, out var png);
        return png;
    }

    /// <summary>Every pixel's spot (1-based, in the order given; a later spot wins a shared pixel), 0 for none.</summary>
    private static int[] Label(PixelSize size, IEnumerable<SpotQuad> outlines)
    {
        var labels = new int[size.Width * size.Height];
        var label = 0;
        foreach (var outline in outlines)
        {
            label++;
            var bounds = outline.Bounds;
            for (var y = Math.Max(0, bounds.Y); y < Math.Min(size.Height, bounds.Bottom); y++)
            {
                if (Span(outline, y + 0.5) is not var (left, right)) continue;
                // Pixel x is inside when its centre x + 0.5 lies in [left, right).
                var first = Math.Max(0, (int)Math.Ceiling(left - 0.5));
                var last = Math.Min(size.Width - 1, (int)Math.Ceiling(right - 0.5) - 1);
                for (var x = first; x <= last; x++) labels[y * size.Width + x] = label;
            }
        }
        return labels;
    }

    /// <summary>Where the horizontal line at <paramref name="y"/> crosses a convex outline; null when it misses it.</summary>
    private static (double Left, double Right)? Span(SpotQuad outline, double y)
    {
        var (left, right) = (double.PositiveInfinity, double.NegativeInfinity);
        for (var edge = 0; edge < 4; edge++)
        {
            var (from, to) = (outline[edge], outline[edge + 1]);
            if (from.Y <= y == to.Y <= y) continue;
            var x = from.X + (y - from.Y) * (to.X - from.X) / (to.Y - from.Y);
            (left, right) = (Math.Min(left, x), Math.Max(right, x));
        }
        return left < right ? (left, right) : null;
    }
}
