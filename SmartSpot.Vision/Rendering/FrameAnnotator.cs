using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Rendering;

/// <summary>Draws each spot's box on a frame: green when free, red when occupied, the highlighted one thicker in yellow.</summary>
public sealed class FrameAnnotator
{
    private static readonly Scalar FreeColour = new(80, 200, 60);
    private static readonly Scalar OccupiedColour = new(60, 60, 230);
    private static readonly Scalar HighlightColour = new(0, 220, 255);

    /// <summary>Draws on <paramref name="frame"/> in place; spots and snapshot states are in the same order.</summary>
    public void Annotate(Mat frame, IReadOnlyList<ParkingSpot> spots, OccupancySnapshot snapshot, int? highlightedSpotId = null)
    {
        var thickness = Math.Max(1, frame.Width / 640);
        for (var index = 0; index < spots.Count; index++)
        {
            var colour = snapshot.Spots[index].Status == SpotStatus.Free ? FreeColour : OccupiedColour;
            Cv2.Rectangle(frame, spots[index].Box.ToRect(), colour, thickness);
        }
        var highlighted = spots.FirstOrDefault(spot => spot.Id == highlightedSpotId);
        if (highlighted is not null)
        {
            Cv2.Rectangle(frame, highlighted.Box.ToRect(), HighlightColour, thickness * 3);
        }
    }
}
