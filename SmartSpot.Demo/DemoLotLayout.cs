using OpenCvSharp;

namespace SmartSpot.Demo;

/// <summary>
/// Where things are: rows of bays stacked as row, lane, row, row, lane, row...; each lane serves the row above it
/// (cars point up) and the row below it (cars point down). Centred in the frame.
/// </summary>
internal sealed class DemoLotLayout
{
    public DemoLotLayout(DemoLotOptions options)
    {
        BayWidth = options.BayWidth;
        BayHeight = options.BayHeight;
        LaneWidth = (int)Math.Round(1.35 * options.BayHeight);
        LineThickness = Math.Max(2, (int)Math.Round(options.BayWidth / 18.0));
        var laneCount = (options.Rows + 1) / 2;
        var height = options.Rows * BayHeight + laneCount * LaneWidth;
        var width = options.Columns * BayWidth;
        if (height > options.Height || width > options.Width - 2 * BayWidth)
        {
            throw new ArgumentOutOfRangeException(nameof(options),
                $"{options.Rows} rows x {options.Columns} columns of {BayWidth}x{BayHeight} bays need {width + 2 * BayWidth}x{height} pixels; the video is {options.Width}x{options.Height}.");
        }
        Left = (options.Width - width) / 2;
        var y = (options.Height - height) / 2;
        var rowTops = new List<int>();
        var lanes = new List<int>();
        for (var row = 0; row < options.Rows; row++)
        {
            rowTops.Add(y);
            y += BayHeight;
            if (row % 2 == 0)
            {
                lanes.Add(y + LaneWidth / 2);
                y += LaneWidth;
            }
        }
        RowTops = rowTops;
        LaneCentres = lanes;
        var inset = LineThickness + 2;
        Bays = [.. Enumerable.Range(0, options.Rows).SelectMany(row => Enumerable.Range(0, options.Columns).Select(column =>
        {
            var facesUp = row % 2 == 0;
            var x = Left + column * BayWidth;
            var top = rowTops[row];
            // Inset from the painted lines (and more from the back line than the open side), so no two bays touch.
            return new DemoBay(row * options.Columns + column + 1, row, column,
                x + inset, top + (facesUp ? inset : 2), BayWidth - 2 * inset, BayHeight - inset - 2, facesUp);
        }))];
    }

    public int BayWidth { get; }

    public int BayHeight { get; }

    public int LaneWidth { get; }

    public int LineThickness { get; }

    /// <summary>X of the first bay's left line.</summary>
    public int Left { get; }

    public IReadOnlyList<int> RowTops { get; }

    /// <summary>Y of each lane's centre line, top to bottom.</summary>
    public IReadOnlyList<int> LaneCentres { get; }

    public IReadOnlyList<DemoBay> Bays { get; }

    public int LaneOf(DemoBay bay) => bay.Row / 2;

    /// <summary>The bay between its painted lines.</summary>
    public Rect LinesOf(DemoBay bay) => new(Left + bay.Column * BayWidth, RowTops[bay.Row], BayWidth, BayHeight);

    /// <summary>Where a parked car's centre stands in the bay.</summary>
    public Point2d ParkingSpotOf(DemoBay bay)
    {
        var lines = LinesOf(bay);
        return new Point2d(lines.X + BayWidth / 2.0, lines.Y + BayHeight / 2.0);
    }
}
