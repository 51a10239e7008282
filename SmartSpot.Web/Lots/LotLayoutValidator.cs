using System.Globalization;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Web.Lots;

/// <summary>
/// The rules a lot's layout keeps, wherever it comes from (the editor, an imported file, the API): ids and names of
/// spots and zones are unique, outlines are convex and on the frame, spots do not overlap (they may touch), zones
/// name existing spots, limits hold.
/// </summary>
public sealed class LotLayoutValidator(LotOptions options)
{
    /// <summary>Longest spot or zone name. 40: "Level 2 north, EV charging 12" fits; a tile still shows it.</summary>
    public const int MaxNameLength = 40;

    /// <summary>Throws <see cref="LayoutRefusedException"/> unless the layout keeps every rule.</summary>
    public void Validate(LotLayout layout)
    {
        var problems = Check(layout);
        if (problems.Count > 0) throw new LayoutRefusedException(problems);
    }

    /// <summary>Every broken rule, the spots' first; empty for a good layout.</summary>
    public IReadOnlyList<LayoutProblem> Check(LotLayout layout)
    {
        var problems = new List<LayoutProblem>();
        if (layout.Spots.Count > options.MaxSpots)
        {
            problems.Add(new("limit", $"The lot has {layout.Spots.Count:N0} spots; a lot holds at most {options.MaxSpots:N0} (SmartSpot:Lots:MaxSpots). Split the camera's view into two lots.", []));
            return problems;
        }
        problems.AddRange(CheckIdsAndNames(layout.Spots.Select(spot => (spot.Id, spot.Name)), "spot", id => [id]));
        problems.AddRange(layout.Spots.SelectMany(spot => CheckOutline(spot, layout.FrameSize)));
        problems.AddRange(FindOverlaps(layout.Spots.Where(spot => spot.Quad.IsConvex).ToList()));
        if (layout.Zones.Count > options.MaxZones)
        {
            problems.Add(new("limit", $"The lot has {layout.Zones.Count} zones; a lot holds at most {options.MaxZones} (SmartSpot:Lots:MaxZones).", []));
        }
        problems.AddRange(CheckIdsAndNames(layout.Zones.Select(zone => (zone.Id, zone.Name)), "zone", _ => []));
        var spotIds = layout.Spots.Select(spot => spot.Id).ToHashSet();
        foreach (var zone in layout.Zones)
        {
            var unknown = zone.SpotIds.Where(id => !spotIds.Contains(id)).ToList();
            if (unknown.Count > 0)
            {
                problems.Add(new("zone", $"The zone '{zone.Name}' names spots the lot does not have ({string.Join(", ", unknown.Take(5))}). Remove them from the zone.", []));
            }
        }
        if (layout.Settings.Speed is { } speed && !AnalysisSpeed.IsValid(speed))
        {
            problems.Add(new("setting", $"The lot's speed {speed.ToString(CultureInfo.InvariantCulture)} is not valid: 0 (as fast as possible) or from {AnalysisSpeed.Min} to {AnalysisSpeed.Max}.", []));
        }
        return problems;
    }

    private static IEnumerable<LayoutProblem> CheckIdsAndNames(IEnumerable<(int Id, string Name)> items, string what, Func<int, IReadOnlyList<int>> highlight)
    {
        var list = items.ToList();
        foreach (var id in list.Select(item => item.Id).Where(id => id <= 0).Distinct())
        {
            yield return new("id", $"The {what} id {id} is not positive: every {what} needs a positive id.", []);
        }
        foreach (var group in list.GroupBy(item => item.Id).Where(group => group.Count() > 1))
        {
            yield return new("id", $"The {what} id {group.Key} is used {group.Count()} times: every {what} needs its own id.", highlight(group.Key));
        }
        foreach (var (id, name) in list)
        {
            if (name.Trim().Length == 0 || name.Any(char.IsControl))
            {
                yield return new("name", $"The {what} {id} has {(name.Trim().Length == 0 ? "no name" : "control characters in its name")}: give it a name.", highlight(id));
            }
            else if (name.Length > MaxNameLength)
            {
                yield return new("name", $"The {what} name '{name[..MaxNameLength]}…' is longer than {MaxNameLength} characters; shorten it.", highlight(id));
            }
        }
        foreach (var group in list.GroupBy(item => item.Name.Trim(), StringComparer.OrdinalIgnoreCase).Where(group => group.Key.Length > 0 && group.Count() > 1))
        {
            yield return new("name", $"The {what} name '{group.Key}' is used {group.Count()} times: give each {what} its own name.", [.. group.SelectMany(item => highlight(item.Id))]);
        }
    }

    private static IEnumerable<LayoutProblem> CheckOutline(LotSpot spot, PixelSize frameSize)
    {
        if (!spot.Quad.IsConvex)
        {
            yield return new("shape", $"Spot {spot.Name} is not a convex four-cornered shape (a corner is dented in, or two edges cross). Move its corners so that it is.", [spot.Id]);
        }
        else if (spot.Quad.Bounds.Intersect(new PixelBox(0, 0, frameSize.Width, frameSize.Height)).IsEmpty)
        {
            yield return new("outside", $"Spot {spot.Name} lies outside the {frameSize} picture. Move it onto the picture or delete it.", [spot.Id]);
        }
    }

    /// <summary>Pairs of spots covering the same ground: swept along x over their bounds, so a lot of thousands stays quick.</summary>
    private IEnumerable<LayoutProblem> FindOverlaps(IReadOnlyList<LotSpot> spots)
    {
        var byLeft = spots.Select(spot => (Spot: spot, Bounds: spot.Quad.Bounds)).OrderBy(item => item.Bounds.X).ToList();
        for (var i = 0; i < byLeft.Count; i++)
        {
            var (first, bounds) = byLeft[i];
            for (var j = i + 1; j < byLeft.Count && byLeft[j].Bounds.X < bounds.Right; j++)
            {
                var second = byLeft[j].Spot;
                var shared = SpotOverlap.Area(first.Quad, second.Quad);
                var smaller = Math.Min(first.Quad.Area, second.Quad.Area);
                if (shared > Math.Max(0.5, options.OverlapTolerance * smaller))
                {
                    var (a, b) = first.Id < second.Id ? (first, second) : (second, first);
                    yield return new("overlap",
                        $"Spots {a.Name} and {b.Name} overlap ({shared:N0} px², {shared / smaller:P0} of the smaller): spots may touch but not overlap. Move one of them or make it smaller.",
                        [a.Id, b.Id]);
                }
            }
        }
    }
}
