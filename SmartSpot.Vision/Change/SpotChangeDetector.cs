using System.Runtime.Intrinsics;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Change;

/// <summary>
/// Picks spots whose pixels moved since their last classification, plus those due for a refresh. It reads only the
/// luma plane, only inside the spots' boxes (of a spot drawn as a slanted outline, only the pixels inside the outline), and
/// keeps only those boxes as references: no per-frame conversion of the picture.
/// </summary>
public sealed class SpotChangeDetector(ChangeOptions options)
{
    /// <summary>Video luma spans 16-235; differences are scaled to 0-255 so the threshold reads as grey levels.</summary>
    private const double LumaToGrey = 255.0 / 219;

    private readonly Dictionary<int, byte[]> _references = [];
    private readonly Dictionary<int, (int Start, int End)[]> _insides = [];
    private long _analysis = -1;

    /// <summary>Spots to classify in this frame: those never remembered (all of them in the first frame), changed or due.</summary>
    public IReadOnlyList<ParkingSpot> FindChanged(Frame frame, IReadOnlyList<ParkingSpot> spots)
    {
        _analysis++;
        var luma = frame.Luma;
        var changed = new List<ParkingSpot>();
        for (var index = 0; index < spots.Count; index++)
        {
            var spot = spots[index];
            if (!_references.TryGetValue(spot.Id, out var reference)
                || IsRefreshDue(index)
                || MeanDifference(luma, frame.Size.Width, spot.Box, InsideOf(spot), reference) > options.Threshold)
            {
                changed.Add(spot);
            }
        }
        return changed;
    }

    /// <summary>Takes the spots' pixels in <paramref name="frame"/> as their new reference, after they were classified.</summary>
    public void Remember(Frame frame, IEnumerable<ParkingSpot> classified)
    {
        var luma = frame.Luma;
        var stride = frame.Size.Width;
        foreach (var spot in classified)
        {
            var box = spot.Box;
            if (!_references.TryGetValue(spot.Id, out var reference))
            {
                _references[spot.Id] = reference = new byte[box.Area];
            }
            for (var row = 0; row < box.Height; row++)
            {
                luma.Slice((box.Y + row) * stride + box.X, box.Width).CopyTo(reference.AsSpan(row * box.Width, box.Width));
            }
        }
    }

    /// <summary>Staggered: spot i is due at analyses R - i, 2R - i, ..., so refreshes spread over the interval.</summary>
    private bool IsRefreshDue(int spotIndex) => (_analysis + spotIndex) % options.RefreshInterval == 0;

    /// <summary>The columns of each row of the spot's box that are inside its outline; null when that is the whole box.</summary>
    private (int Start, int End)[]? InsideOf(ParkingSpot spot)
    {
        if (spot.FillsBox) return null;
        if (!_insides.TryGetValue(spot.Id, out var inside))
        {
            _insides[spot.Id] = inside = spot.Outline.RowSpans(spot.Box);
        }
        return inside;
    }

    private static double MeanDifference(ReadOnlySpan<byte> luma, int stride, PixelBox box, (int Start, int End)[]? inside, byte[] reference)
    {
        long sum = 0, pixels = 0;
        for (var row = 0; row < box.Height; row++)
        {
            var (start, end) = inside?[row] ?? (0, box.Width);
            sum += SumOfAbsoluteDifferences(luma.Slice((box.Y + row) * stride + box.X + start, end - start), reference.AsSpan(row * box.Width + start, end - start));
            pixels += end - start;
        }
        return pixels == 0 ? 0 : sum * LumaToGrey / pixels;
    }

    /// <summary>Sum of |a - b| over two equally long rows, 16 bytes at a time (SSE2/NEON through Vector128).</summary>
    private static long SumOfAbsoluteDifferences(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var sums = Vector128<uint>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
        {
            var x = Vector128.Create(a.Slice(i, Vector128<byte>.Count));
            var y = Vector128.Create(b.Slice(i, Vector128<byte>.Count));
            var (low, high) = Vector128.Widen(Vector128.Max(x, y) - Vector128.Min(x, y));
            var (first, second) = Vector128.Widen(low + high);
            sums += first + second;
        }
        long sum = Vector128.Sum(sums);
        for (; i < a.Length; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }
        return sum;
    }
}
