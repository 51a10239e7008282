using SmartSpot.Alerts.Observations;
using SmartSpot.Alerts.Rules;
using SmartSpot.Vision.Classification;

namespace SmartSpot.Tests.Alerts;

/// <summary>The scopes and observations the alert tests share: a 10-spot lot "north" with a zone "row-a" of its first 2 spots.</summary>
public static class Lots
{
    public static readonly AlertScope North = new("north", "North camera");

    public static readonly AlertScope RowA = new("row-a", "Row A", North);

    /// <summary>A scope of <paramref name="total"/> spots (ids 1..total) whose first <paramref name="free"/> are free, all since <paramref name="since"/>.</summary>
    public static ScopeObservation WithFree(AlertScope scope, int free, DateTimeOffset since, int total = 10) =>
        new(scope, [.. Enumerable.Range(1, total).Select(id => new ObservedSpot(id, id <= free ? SpotStatus.Free : SpotStatus.Occupied, since))]);

    /// <summary>The lot with <paramref name="free"/> free spots and row A (spots 1 and 2) as part of it.</summary>
    public static (ScopeObservation Lot, ScopeObservation Zone) LotAndRow(int free, DateTimeOffset since)
    {
        var lot = WithFree(North, free, since);
        return (lot, new ScopeObservation(RowA, [.. lot.Spots.Take(2)]));
    }
}
