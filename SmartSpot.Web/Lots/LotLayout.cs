using SmartSpot.Vision;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Web.Lots;

/// <summary>What an operator sets up on a lot: its spots and zones, drawn on a frame of <see cref="FrameSize"/>, and its settings.</summary>
/// <param name="Spots">In id order.</param>
/// <param name="Zones">In id order.</param>
public sealed record LotLayout(PixelSize FrameSize, IReadOnlyList<LotSpot> Spots, IReadOnlyList<LotZone> Zones, LotSettings Settings)
{
    /// <summary>No spots and no zones yet, on a frame of <paramref name="frameSize"/>.</summary>
    public static LotLayout Empty(PixelSize frameSize) => new(frameSize, [], [], LotSettings.Default);

    /// <summary>The spots of a spot map (a mask read against the video) as a lot's, named by their ids.</summary>
    public static LotLayout FromSpotMap(SpotMap map) =>
        Empty(map.FrameSize) with { Spots = map.Spots.Select(spot => new LotSpot(spot.Id, spot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), spot.Outline)).ToList() };

    /// <summary>The engine's spot map of the spots; throws <see cref="InvalidInputException"/> when there are none.</summary>
    public SpotMap ToSpotMap() => SpotMap.FromShapes(FrameSize, Spots.Select(spot => new SpotShape(spot.Id, spot.Quad)).ToList());

    /// <summary>The same layout on a frame of <paramref name="frameSize"/> (the lot's video is larger or smaller); refuses another shape of frame.</summary>
    public LotLayout FitTo(PixelSize frameSize, double aspectTolerance)
    {
        if (frameSize == FrameSize) return this;
        var difference = Math.Abs((double)FrameSize.Width / FrameSize.Height / ((double)frameSize.Width / frameSize.Height) - 1);
        if (difference > aspectTolerance)
        {
            throw new InvalidInputException(
                $"These spots were drawn on a {FrameSize} frame but the lot's video is {frameSize}: their shapes differ by {difference:P1} (at most {aspectTolerance:P0} allowed). Use spots drawn on this camera's picture.");
        }
        var (scaleX, scaleY) = ((double)frameSize.Width / FrameSize.Width, (double)frameSize.Height / FrameSize.Height);
        return this with { FrameSize = frameSize, Spots = Spots.Select(spot => spot with { Quad = spot.Quad.Scale(scaleX, scaleY) }).ToList() };
    }

    /// <summary>The zones the spot belongs to.</summary>
    public IEnumerable<LotZone> ZonesOf(int spotId) => Zones.Where(zone => zone.SpotIds.Contains(spotId));
}
