using Microsoft.Extensions.Time.Testing;
using SmartSpot.Alerts;
using SmartSpot.Alerts.Rules;

namespace SmartSpot.Tests.Alerts;

/// <summary>A morning of the north lot seen every 2 s: its free count flickers around the "free at or below 3" threshold,
/// crosses it twice each way, and at the end row A fills up (the last event, so receivers know everything before it has come).</summary>
public static class AlertScenario
{
    public static readonly AlertRule LotLow = new("north-low", Lots.North, AlertKind.FreeAtOrBelow) { Threshold = 3 };

    public static readonly AlertRule RowFull = new("row-a-full", Lots.RowA, AlertKind.FreeAtOrBelow) { Threshold = 0 };

    /// <summary>What each receiver must get, exactly: (rule, transition, value).</summary>
    public static readonly (string Rule, string Transition, int Value)[] Expected =
    [
        ("north-low", "fired", 3), ("north-low", "cleared", 5), ("north-low", "fired", 3), ("north-low", "cleared", 5), ("row-a-full", "fired", 0),
    ];

    private static readonly int[] LotFreeCounts =
    [
        6, 5, .. Flicker(3, 4, 10), .. Steady(3, 6), .. Flicker(4, 5, 10), .. Steady(5, 6),
        6, 6, .. Flicker(3, 4, 10), .. Steady(3, 8), .. Flicker(5, 4, 10), .. Steady(5, 8), 6,
    ];

    public static AlertRuleSet Rules() => new([LotLow, RowFull]);

    public static void Play(AlertService service, FakeTimeProvider time)
    {
        foreach (var free in LotFreeCounts)
        {
            service.Observe(Lots.WithFree(Lots.North, free, time.GetUtcNow()));
            time.Advance(TimeSpan.FromSeconds(2));
        }
        foreach (var _ in Enumerable.Range(0, 6))
        {
            service.Observe(Lots.WithFree(Lots.RowA, 0, time.GetUtcNow(), total: 2));
            time.Advance(TimeSpan.FromSeconds(2));
        }
    }

    private static IEnumerable<int> Flicker(int a, int b, int times) => Enumerable.Repeat<int[]>([a, b], times).SelectMany(pair => pair);

    private static IEnumerable<int> Steady(int free, int times) => Enumerable.Repeat(free, times);
}
