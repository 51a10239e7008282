using OpenCvSharp;

namespace SmartSpot.Demo;

/// <summary>A visit with what it takes to draw it: where the car stands, how it drives in and out, and the seed of its looks.</summary>
/// <param name="Arrival">Null for a car parked from the start.</param>
/// <param name="Departure">Null for a car that stays to the end.</param>
internal sealed record PlannedVisit(DemoVisit Visit, DemoBay Bay, Point2d Parked, CarPath? Arrival, CarPath? Departure, int LookSeed)
{
    /// <summary>Where the car is in a frame, or null when it is not in the picture.</summary>
    public CarPose? PoseAt(int frame, double fps)
    {
        var parked = new CarPose(Parked, Bay.FacesUp ? -Math.PI / 2 : Math.PI / 2);
        if (frame < Visit.ArriveFrame || frame >= Visit.GoneFrame) return null;
        if (frame < Visit.ParkedFrame) return Arrival?.At((frame - Visit.ArriveFrame) / fps) ?? parked;
        if (frame < Visit.LeaveFrame) return parked;
        return Departure?.At((frame - Visit.LeaveFrame) / fps) ?? parked;
    }

    /// <summary>The car stands still in its bay in this frame.</summary>
    public bool IsParkedAt(int frame) => frame >= Visit.ParkedFrame && frame < Visit.LeaveFrame;
}
