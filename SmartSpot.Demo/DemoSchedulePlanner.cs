using OpenCvSharp;

namespace SmartSpot.Demo;

/// <summary>
/// Decides who parks where and when: about <see cref="DemoLotOptions.InitialOccupancy"/> of the bays taken at the start,
/// then an arrival or a departure every <see cref="DemoLotOptions.MeanEventIntervalSeconds"/> on average, drawn towards half full.
/// Cars never drive through each other: a lane takes a new car only when the cars already in it are ahead of it.
/// </summary>
internal static class DemoSchedulePlanner
{
    public static IReadOnlyList<PlannedVisit> Plan(DemoLotOptions options, DemoLotLayout layout)
    {
        var random = new Random(options.Seed);
        var frames = options.FrameCount;
        var bays = layout.Bays;
        var visits = new List<PlannedVisit>();
        var occupant = new int?[bays.Count];
        var bayFreeFrom = new int[bays.Count];
        // A lane is free for an arrival once a leaving car has backed out (it then drives ahead of the newcomer at the
        // same speed), but free for another departure only when the leaving car is gone.
        var laneFreeForArrival = new int[layout.LaneCentres.Count];
        var laneFreeForDeparture = new int[layout.LaneCentres.Count];
        var initial = (int)Math.Round(bays.Count * options.InitialOccupancy);
        foreach (var bay in bays.OrderBy(_ => random.Next()).Take(initial).OrderBy(bay => bay.Id))
        {
            occupant[bay.Id - 1] = visits.Count;
            visits.Add(new PlannedVisit(new DemoVisit(bay.Id, 0, 0, frames, frames), bay, ParkedPosition(layout, bay, random), null, null, random.Next()));
        }
        var minimumGap = Math.Max(1, (int)(0.6 * options.Fps));
        for (var frame = Gap(options, random, minimumGap); frame < frames;)
        {
            var free = bays.Where(bay => occupant[bay.Id - 1] is null && bayFreeFrom[bay.Id - 1] <= frame
                && laneFreeForArrival[layout.LaneOf(bay)] <= frame).ToList();
            var parked = bays.Where(bay => occupant[bay.Id - 1] is { } visit && visits[visit].Visit.ParkedFrame <= frame
                && laneFreeForDeparture[layout.LaneOf(bay)] <= frame).ToList();
            var taken = occupant.Count(visit => visit is not null);
            var arrive = random.NextDouble() >= (double)taken / bays.Count;
            if (free.Count == 0 && parked.Count == 0)
            {
                frame = Math.Max(frame + 1, Math.Min(laneFreeForArrival.Min(), laneFreeForDeparture.Min()));
                continue;
            }
            if (arrive ? free.Count == 0 : parked.Count == 0) arrive = !arrive;
            var chosen = arrive ? free[random.Next(free.Count)] : parked[random.Next(parked.Count)];
            var lane = layout.LaneOf(chosen);
            if (arrive)
            {
                var position = ParkedPosition(layout, chosen, random);
                var path = CarPath.Arrival(layout, chosen, position);
                var parkedFrame = frame + (int)Math.Ceiling(path.Seconds * options.Fps);
                occupant[chosen.Id - 1] = visits.Count;
                var staysFrom = Math.Max(frames, parkedFrame);
                visits.Add(new PlannedVisit(new DemoVisit(chosen.Id, frame, parkedFrame, staysFrom, staysFrom), chosen, position, path, null, random.Next()));
                laneFreeForArrival[lane] = parkedFrame;
                laneFreeForDeparture[lane] = Math.Max(laneFreeForDeparture[lane], parkedFrame);
            }
            else
            {
                var index = occupant[chosen.Id - 1]!.Value;
                var stay = visits[index];
                var path = CarPath.Departure(layout, chosen, stay.Parked, options.Width);
                var goneFrame = frame + (int)Math.Ceiling(path.Seconds * options.Fps);
                var backedOutFrame = frame + (int)Math.Ceiling(path.ReversingSeconds * options.Fps);
                visits[index] = stay with { Visit = stay.Visit with { LeaveFrame = frame, GoneFrame = goneFrame }, Departure = path };
                occupant[chosen.Id - 1] = null;
                bayFreeFrom[chosen.Id - 1] = backedOutFrame;
                laneFreeForArrival[lane] = Math.Max(laneFreeForArrival[lane], backedOutFrame);
                laneFreeForDeparture[lane] = goneFrame;
            }
            frame += Gap(options, random, minimumGap);
        }
        return visits;
    }

    /// <summary>Frames to the next event: exponential around the mean, at least <paramref name="minimum"/>.</summary>
    private static int Gap(DemoLotOptions options, Random random, int minimum) =>
        Math.Max(minimum, (int)(-Math.Log(1 - random.NextDouble()) * options.MeanEventIntervalSeconds * options.Fps));

    /// <summary>The bay centre, nudged a few pixels sideways and backwards: drivers do not park exactly.</summary>
    private static Point2d ParkedPosition(DemoLotLayout layout, DemoBay bay, Random random)
    {
        var centre = layout.ParkingSpotOf(bay);
        var sideways = (random.NextDouble() - 0.5) * 0.1 * layout.BayWidth;
        var backwards = random.NextDouble() * 0.04 * layout.BayHeight * (bay.FacesUp ? -1 : 1);
        return new Point2d(centre.X + sideways, centre.Y + backwards);
    }
}
