namespace SmartSpot.Demo;

/// <summary>
/// One car's stay in one bay, in frame numbers (ArriveFrame &lt;= ParkedFrame &lt;= LeaveFrame &lt;= GoneFrame); a car parked
/// from the start has ArriveFrame = ParkedFrame = 0. Frames past the end mean the video stops before that moment.
/// </summary>
/// <param name="ArriveFrame">First frame the car is in the picture (driving in), or 0 when it is parked from the start.</param>
/// <param name="ParkedFrame">First frame it stands still in its bay.</param>
/// <param name="LeaveFrame">First frame it backs out; the frame count (or ParkedFrame, if later) when it stays to the end.</param>
/// <param name="GoneFrame">First frame it is out of the picture; equal to LeaveFrame when it stays to the end.</param>
public sealed record DemoVisit(int BayId, int ArriveFrame, int ParkedFrame, int LeaveFrame, int GoneFrame);
