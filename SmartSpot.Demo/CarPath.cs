using OpenCvSharp;

namespace SmartSpot.Demo;

/// <summary>
/// A car's drive through the lot as timed segments. Arriving: along the lane from the left edge, a quarter turn, forward into
/// the bay. Leaving: backwards out of the bay along the same turn, then forward along the lane out of the right edge.
/// </summary>
internal sealed class CarPath
{
    private readonly IReadOnlyList<Segment> _segments;

    private CarPath(IReadOnlyList<Segment> segments, int reversingSegments = 0)
    {
        _segments = segments;
        Seconds = segments.Sum(Duration);
        ReversingSeconds = segments.Take(reversingSegments).Sum(Duration);
    }

    public double Seconds { get; }

    /// <summary>Time spent backing out before driving forward along the lane (0 when arriving).</summary>
    public double ReversingSeconds { get; }

    /// <summary>Where the car is (centre) and where its nose points (radians, 0 = right, y down) after some seconds.</summary>
    public CarPose At(double seconds)
    {
        foreach (var segment in _segments)
        {
            var duration = Duration(segment);
            if (seconds < duration)
            {
                return segment.At(seconds / duration);
            }
            seconds -= duration;
        }
        return _segments[^1].At(1);
    }

    public static CarPath Arrival(DemoLotLayout layout, DemoBay bay, Point2d parked) =>
        new([Lane(layout, bay, -EdgeMargin(layout), TurnStartX(layout, parked), layout.BayHeight * LaneSpeed), .. IntoBay(layout, bay, parked)]);

    /// <param name="frameWidth">The car drives out past this x.</param>
    public static CarPath Departure(DemoLotLayout layout, DemoBay bay, Point2d parked, int frameWidth)
    {
        var backOut = IntoBay(layout, bay, parked).Reverse().Select(segment =>
            new Segment(segment.Length, layout.BayHeight * ReverseSpeed, u => segment.At(1 - u))).ToList();
        return new([.. backOut, Lane(layout, bay, TurnStartX(layout, parked), frameWidth + EdgeMargin(layout), layout.BayHeight * LaneSpeed)], backOut.Count);
    }

    /// <summary>Lane speed in bay depths per second (about 7 m/s: a demo is short).</summary>
    private const double LaneSpeed = 1.6;

    private const double TurnSpeed = 0.8;

    private const double ReverseSpeed = 0.6;

    private static double Duration(Segment segment) => segment.Length / segment.Speed;

    private static double Radius(DemoLotLayout layout) => layout.LaneWidth / 2.0;

    private static double EdgeMargin(DemoLotLayout layout) => layout.BayHeight;

    private static double TurnStartX(DemoLotLayout layout, Point2d parked) => parked.X - Radius(layout);

    private static Segment Lane(DemoLotLayout layout, DemoBay bay, double fromX, double toX, double speed)
    {
        var y = layout.LaneCentres[layout.LaneOf(bay)];
        return new Segment(toX - fromX, speed, u => new CarPose(new Point2d(fromX + u * (toX - fromX), y), 0));
    }

    /// <summary>The quarter turn from heading right to heading into the bay, then straight to the parking position.</summary>
    private static Segment[] IntoBay(DemoLotLayout layout, DemoBay bay, Point2d parked)
    {
        var radius = Radius(layout);
        var laneY = layout.LaneCentres[layout.LaneOf(bay)];
        var side = bay.FacesUp ? -1 : 1;
        var centre = new Point2d(parked.X - radius, laneY + side * radius);
        var turn = new Segment(Math.PI / 2 * radius, layout.BayHeight * TurnSpeed, u =>
        {
            var angle = -side * Math.PI / 2 * (1 - u);
            var position = new Point2d(centre.X + radius * Math.Cos(angle), centre.Y + radius * Math.Sin(angle));
            return new CarPose(position, Math.Atan2(side * Math.Cos(angle), -side * Math.Sin(angle)));
        });
        var startY = laneY + side * radius;
        var heading = side * Math.PI / 2;
        var straight = new Segment(Math.Abs(parked.Y - startY), layout.BayHeight * TurnSpeed,
            u => new CarPose(new Point2d(parked.X, startY + u * (parked.Y - startY)), heading));
        return [turn, straight];
    }

    private sealed record Segment(double Length, double Speed, Func<double, CarPose> At);
}
