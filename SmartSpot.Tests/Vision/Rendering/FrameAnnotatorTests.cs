using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Rendering;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Rendering;

public sealed class FrameAnnotatorTests
{
    private static readonly ParkingSpot Free = new(1, new PixelBox(10, 10, 40, 20), 800);
    private static readonly ParkingSpot Taken = new(2, new PixelBox(60, 10, 40, 20), 800);

    private static OccupancySnapshot Snapshot() => new(0, TimeSpan.Zero,
        [new SpotState(1, SpotStatus.Free, 1, 0, TimeSpan.Zero), new SpotState(2, SpotStatus.Occupied, 1, 0, TimeSpan.Zero)], []);

    [Fact]
    public void Annotate_FreeAndOccupied_DrawsGreenAndRedBoxEdges()
    {
        using var frame = SyntheticLot.Frame(new Size(120, 40));

        new FrameAnnotator().Annotate(frame, [Free, Taken], Snapshot());

        var green = frame.At<Vec3b>(10, 30);
        var red = frame.At<Vec3b>(10, 80);
        Assert.True(green.Item1 > green.Item2 && green.Item1 > green.Item0, $"free edge is {green}");
        Assert.True(red.Item2 > red.Item1 && red.Item2 > red.Item0, $"occupied edge is {red}");
        Assert.Equal(SyntheticLot.Asphalt.Val0, frame.At<Vec3b>(20, 30).Item0);
    }

    [Fact]
    public void Annotate_Highlighted_DrawsAThickerYellowBox()
    {
        using var frame = SyntheticLot.Frame(new Size(120, 40));

        new FrameAnnotator().Annotate(frame, [Free, Taken], Snapshot(), highlightedSpotId: 2);

        var edge = frame.At<Vec3b>(11, 80);
        Assert.True(edge.Item1 > 150 && edge.Item2 > 150 && edge.Item0 < 50, $"highlight is {edge}");
    }

    [Fact]
    public void Annotate_Uncertain_DrawsTheEdgeDashed()
    {
        using var frame = SyntheticLot.Frame(new Size(120, 40));
        var uncertain = new OccupancySnapshot(0, TimeSpan.Zero,
            [new SpotState(1, SpotStatus.Free, 0.6f, 0, TimeSpan.Zero, Uncertain: true), new SpotState(2, SpotStatus.Occupied, 1, 0, TimeSpan.Zero)], []);

        new FrameAnnotator().Annotate(frame, [Free, Taken], uncertain);

        var topEdge = Enumerable.Range(10, 40).Select(x => frame.At<Vec3b>(10, x)).ToList();
        var drawn = topEdge.Count(pixel => pixel.Item1 > pixel.Item2 && pixel.Item1 > pixel.Item0);
        Assert.InRange(drawn, 10, 30);
        Assert.True(frame.At<Vec3b>(10, 10).Item1 > 150, "the corner is drawn");
        var solid = Enumerable.Range(60, 40).Count(x => frame.At<Vec3b>(10, x) is var p && p.Item2 > p.Item1 && p.Item2 > p.Item0);
        Assert.Equal(40, solid);
    }
}
