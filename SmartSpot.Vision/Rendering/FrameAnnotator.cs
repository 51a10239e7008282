using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Rendering;

/// <summary>Draws each spot's box on a frame: green when free, red when occupied, dashed when uncertain, the highlighted one thicker in yellow.</summary>
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
            var state = snapshot.Spots[index];
            var colour = state.Status == SpotStatus.Free ? FreeColour : OccupiedColour;
            if (state.Uncertain)
            {
                DrawDashedBox(frame, spots[index].Box.ToRect(), colour, thickness);
            }
            else
            {
                Cv2.Rectangle(frame, spots[index].Box.ToRect(), colour, thickness);
            }
        }
        var highlighted = spots.FirstOrDefault(spot => spot.Id == highlightedSpotId);
        if (highlighted is not null)
        {
            Cv2.Rectangle(frame, highlighted.Box.ToRect(), HighlightColour, thickness * 3);
        }
    }

    // Dashes and gaps of equal length along each edge, the corners always drawn so the box still reads as a box.
    private static void DrawDashedBox(Mat frame, Rect box, Scalar colour, int thickness)
    {
        var dash = Math.Max(3, thickness * 4);
        var corners = new[] { box.TopLeft, new Point(box.Right - 1, box.Top), new Point(box.Right - 1, box.Bottom - 1), new Point(box.Left, box.Bottom - 1) };
        for (var side = 0; side < corners.Length; side++)
        {
            var from = corners[side];
            var to = corners[(side + 1) % corners.Length];
            var length = Math.Max(Math.Abs(to.X - from.X), Math.Abs(to.Y - from.Y));
            for (var start = 0; start < length; start += 2 * dash)
            {
                var end = Math.Min(start + dash, length);
                Cv2.Line(frame, Along(from, to, start, length), Along(from, to, end, length), colour, thickness);
            }
        }
    }

    private static Point Along(Point from, Point to, int step, int length) =>
        new(from.X + (to.X - from.X) * step / length, from.Y + (to.Y - from.Y) * step / length);
}
