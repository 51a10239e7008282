using OpenCvSharp;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Change;

/// <summary>Picks spots whose pixels moved since their last classification, plus those due for a refresh.</summary>
public sealed class SpotChangeDetector(ChangeOptions options) : IDisposable
{
    private readonly Mat _grey = new();
    private readonly Mat _reference = new();
    private readonly Mat _difference = new();
    private long _analysis = -1;

    /// <summary>Spots to classify in this frame: all of them in the first frame.</summary>
    public IReadOnlyList<ParkingSpot> FindChanged(Mat frame, IReadOnlyList<ParkingSpot> spots)
    {
        _analysis++;
        Cv2.CvtColor(frame, _grey, ColorConversionCodes.BGR2GRAY);
        if (_reference.Empty() || _reference.Size() != _grey.Size())
        {
            _grey.CopyTo(_reference);
            return spots;
        }
        Cv2.Absdiff(_grey, _reference, _difference);
        var changed = new List<ParkingSpot>();
        for (var index = 0; index < spots.Count; index++)
        {
            var spot = spots[index];
            if (IsRefreshDue(index) || MeanDifference(spot.Box) > options.Threshold)
            {
                changed.Add(spot);
            }
        }
        return changed;
    }

    /// <summary>Takes the spots' current pixels as their new reference, after they were classified.</summary>
    public void Remember(IEnumerable<ParkingSpot> classified)
    {
        foreach (var spot in classified)
        {
            using var current = new Mat(_grey, spot.Box.ToRect());
            using var reference = new Mat(_reference, spot.Box.ToRect());
            current.CopyTo(reference);
        }
    }

    public void Dispose()
    {
        _grey.Dispose();
        _reference.Dispose();
        _difference.Dispose();
    }

    /// <summary>Staggered: spot i is due at analyses R - i, 2R - i, ..., so refreshes spread over the interval.</summary>
    private bool IsRefreshDue(int spotIndex) => (_analysis + spotIndex) % options.RefreshInterval == 0;

    private double MeanDifference(PixelBox box)
    {
        using var region = new Mat(_difference, box.ToRect());
        return Cv2.Mean(region).Val0;
    }
}
