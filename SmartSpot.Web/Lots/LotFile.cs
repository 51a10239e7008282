using System.Globalization;
using System.Text.Json;
using SmartSpot.Vision;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Web.Lots;

/// <summary>
/// A lot as one JSON file (spots, zones, settings; not the video), for export and import; the editor sends its spots
/// and zones in the same shape. Corners are [x, y] pairs in the pixels of the frame the file names.
/// </summary>
public sealed record LotFile
{
    public const string FormatName = "smartspot-lot";

    public const int CurrentVersion = 1;

    /// <summary>How SmartSpot writes and reads lot files: camelCase, indented; comments and trailing commas are forgiven.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public string Format { get; init; } = FormatName;

    public int Version { get; init; } = CurrentVersion;

    public string? Name { get; init; }

    public FrameEntry? Frame { get; init; }

    public IReadOnlyList<SpotEntry>? Spots { get; init; }

    public IReadOnlyList<ZoneEntry>? Zones { get; init; }

    public SettingsEntry? Settings { get; init; }

    public sealed record FrameEntry(int Width, int Height);

    public sealed record SpotEntry(int Id, string? Name, double[][]? Corners);

    public sealed record ZoneEntry(int Id, string? Name, int[]? Spots);

    public sealed record SettingsEntry(double? Speed);

    /// <summary>The file of a lot's layout.</summary>
    public static LotFile From(string name, LotLayout layout) => new()
    {
        Name = name,
        Frame = new FrameEntry(layout.FrameSize.Width, layout.FrameSize.Height),
        Spots = layout.Spots.Select(spot => new SpotEntry(spot.Id, spot.Name, [.. spot.Quad.Corners.Select(c => new[] { c.X, c.Y })])).ToList(),
        Zones = layout.Zones.Select(zone => new ZoneEntry(zone.Id, zone.Name, [.. zone.SpotIds])).ToList(),
        Settings = new SettingsEntry(layout.Settings.Speed),
    };

    /// <summary>Reads a lot file; throws <see cref="InvalidInputException"/> naming <paramref name="fileName"/> for anything that is not one.</summary>
    public static LotFile Read(byte[] json, string fileName)
    {
        LotFile? file;
        try
        {
            file = JsonSerializer.Deserialize<LotFile>(json, Json);
        }
        catch (JsonException invalid)
        {
            var where = invalid.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new InvalidInputException($"'{fileName}' is not a lot file SmartSpot can read: it is not valid JSON{where}. Export the lot again, or correct the file.", invalid);
        }
        if (file is null || file.Format != FormatName)
        {
            throw new InvalidInputException($"'{fileName}' is not a SmartSpot lot file (its \"format\" is not \"{FormatName}\"). Export the lot from SmartSpot and import that file.");
        }
        if (file.Version > CurrentVersion)
        {
            throw new InvalidInputException($"'{fileName}' was made by a newer SmartSpot (lot file version {file.Version}; this one reads up to {CurrentVersion}). Update SmartSpot to import it.");
        }
        return file;
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>The layout the file holds; throws <see cref="InvalidInputException"/> when a part is missing or malformed (the layout's own rules are <see cref="LotLayoutValidator"/>'s).</summary>
    public LotLayout ToLayout()
    {
        if (Frame is not { Width: > 0 and <= 16384, Height: > 0 and <= 16384 } frame)
        {
            throw new InvalidInputException("The lot file gives no \"frame\" {\"width\", \"height\"} (the picture the spots were drawn on, at most 16384 pixels a side).");
        }
        var spots = (Spots ?? []).Select(ToSpot).OrderBy(spot => spot.Id).ToList();
        var zones = (Zones ?? []).Select(zone => new LotZone(
                zone.Id,
                zone.Name ?? throw new InvalidInputException($"The zone {zone.Id} of the lot file has no name."),
                [.. (zone.Spots ?? []).Distinct().Order()]))
            .OrderBy(zone => zone.Id)
            .ToList();
        return new LotLayout(new PixelSize(frame.Width, frame.Height), spots, zones, new LotSettings(Settings?.Speed));
    }

    private static LotSpot ToSpot(SpotEntry spot)
    {
        if (spot.Corners is not { Length: 4 } corners || corners.Any(corner => corner is not { Length: 2 } || !corner.All(double.IsFinite)))
        {
            throw new InvalidInputException($"The spot {spot.Id} of the lot file does not have four corners as [x, y] pairs of numbers.");
        }
        var quad = new SpotQuad(new(corners[0][0], corners[0][1]), new(corners[1][0], corners[1][1]), new(corners[2][0], corners[2][1]), new(corners[3][0], corners[3][1]));
        return new LotSpot(spot.Id, spot.Name ?? spot.Id.ToString(CultureInfo.InvariantCulture), quad.Clockwise());
    }
}
