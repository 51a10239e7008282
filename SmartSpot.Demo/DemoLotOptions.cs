using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Demo;

/// <summary>What the synthetic demo lot looks like; the same options (and seed) always give the same files.</summary>
public sealed record DemoLotOptions
{
    /// <summary>Rows of bays; each pair of rows shares a driving lane. Default 4: two lanes, a double row in the middle.</summary>
    [Range(1, 6)]
    public int Rows { get; init; } = 4;

    /// <summary>Bays per row. Default 14: 56 bays at the default size.</summary>
    [Range(1, 40)]
    public int Columns { get; init; } = 14;

    /// <summary>Bay width in pixels, between the centres of its side lines. Default 56 (about 2.5 m).</summary>
    [Range(24, 400)]
    public int BayWidth { get; init; } = 56;

    /// <summary>Bay depth in pixels. Default 104 (about 4.6 m): cars are drawn to fit inside it.</summary>
    [Range(40, 800)]
    public int BayHeight { get; init; } = 104;

    /// <summary>Video width in pixels. Default 1280 (720p).</summary>
    [Range(160, 3840)]
    public int Width { get; init; } = 1280;

    /// <summary>Video height in pixels. Default 720.</summary>
    [Range(120, 2160)]
    public int Height { get; init; } = 720;

    /// <summary>Frames per second. Default 30, a common camera rate.</summary>
    [Range(1, 60)]
    public int Fps { get; init; } = 30;

    /// <summary>Length of the video in seconds. Default 60: long enough for a couple of dozen arrivals and departures.</summary>
    [Range(1, 600)]
    public double DurationSeconds { get; init; } = 60;

    /// <summary>Share of bays taken in the first frame. Default 0.5.</summary>
    [Range(0.0, 1.0)]
    public double InitialOccupancy { get; init; } = 0.5;

    /// <summary>Mean seconds between the starts of two arrivals or departures. Default 2.5: something happens every few seconds.</summary>
    [Range(0.5, 600)]
    public double MeanEventIntervalSeconds { get; init; } = 2.5;

    /// <summary>Seed of every random choice (cars, colours, schedule, texture, noise). Default <see cref="DemoSeeds.Shipped"/> (2026).</summary>
    [Range(0, int.MaxValue)]
    public int Seed { get; init; } = DemoSeeds.Shipped;

    /// <summary>Frames in the video.</summary>
    public int FrameCount => Math.Max(1, (int)Math.Round(DurationSeconds * Fps));
}
