using OpenCvSharp;

namespace SmartSpot.Vision.Demo;

/// <summary>
/// Decides who parks where and when: about <see cref="DemoLotOptions.InitialOccupancy"/> of the bays taken at the start,
/// then an arrival or a departure every <see cref="DemoLotOptions.MeanEventIntervalSeconds"/> on average, drawn towards half full.
/// One car moves in a lane at a time, so cars never drive through each other.
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
        var laneFreeFrom = new int[layout.LaneCentres.Count];
        var initial = (int)Math.Round(bays.Count * options.InitialOccupancy);
        foreach (var bay in bays.OrderBy(_ => random.Next()).Take(initial).OrderBy(bay => bay.Id))
        {
            occupant[bay.Id - 1] = visits.Count;
            visits.Add(new PlannedVisit(new DemoVisit(bay.Id, 0, 0, frames, frames), bay, ParkedPosition(layout, bay, random), null, null, random.Next()));
        }
        var minimumGap = Math.Max(1, (int)(0.6 * options.Fps));
        for (var frame = Gap(options, random, minimumGap); frame < frames;)
        {
            bool LaneFree(DemoBay bay) => laneFreeFrom[layout.LaneOf(bay)] <= frame;
            var free = bays.Where(bay => occupant[bay.Id - 1] is null && bayFreeFrom[bay.Id - 1] <= frame && LaneFree(bay)).ToList();
            var parked = bays.Where(bay => occupant[bay.Id - 1] is { } visit && visits[visit].Visit.ParkedFrame <= frame && LaneFree(bay)).ToList();
            var taken = occupant.Count(visit => visit is not null);
            var arrive = random.NextDouble() >= (double)taken / bays.Count;
            if (free.Count == 0 && parked.Count == 0)
            {
                frame = Math.Max(frame + 1, laneFreeFrom.Min());
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
                visits.Add(new PlannedVisit(new DemoVisit(chosen.Id, frame, parkedFrame, frames, frames), chosen, position, path, null, random.Next()));
                laneFreeFrom[lane] = parkedFrame;
            }
            else
            {
                var index = occupant[chosen.Id - 1]!.Value;
                var stay = visits[index];
                var path = CarPath.Departure(layout, chosen, stay.Parked, options.Width);
                var goneFrame = frame + (int)Math.Ceiling(path.Seconds * options.Fps);
                visits[index] = stay with { Visit = stay.Visit with { LeaveFrame = frame, GoneFrame = goneFrame }, Departure = path };
                occupant[chosen.Id - 1] = null;
                bayFreeFrom[chosen.Id - 1] = goneFrame;
                laneFreeFrom[lane] = goneFrame;
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
