using SmartSpot.Vision;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Spots;

public sealed class RowRepeaterTests
{
    [Fact]
    public void Repeat_EndBaysOfEqualSize_SpacesTheBaysEvenly()
    {
        var first = SpotQuad.FromBox(new PixelBox(253, 17, 46, 97));
        var last = first.Translate(new PixelPoint(13 * 56, 0));

        var sut = RowRepeater.Repeat(first, last, 14);

        Assert.Equal(14, sut.Count);
        for (var bay = 0; bay < 14; bay++)
        {
            AssertClose(first.Translate(new PixelPoint(bay * 56, 0)), sut[bay]);
        }
    }

    [Fact]
    public void Repeat_RowSeenInPerspective_PlacesEveryBayWhereTheCameraSeesIt()
    {
        // Ten bays of 2.5 x 5 m, 3 m apart on the ground, seen by an oblique camera.
        var camera = Homography.Fit([new(0, 0), new(30, 0), new(30, 5), new(0, 5)], [new(200, 300), new(900, 180), new(980, 260), new(150, 420)])!;
        var onGround = Enumerable.Range(0, 10)
            .Select(bay => new SpotQuad(new(3 * bay, 0), new(3 * bay + 2.5, 0), new(3 * bay + 2.5, 5), new(3 * bay, 5)).Map(camera.Map))
            .ToList();

        var sut = RowRepeater.Repeat(onGround[0], onGround[9], 10);

        Assert.Equal(10, sut.Count);
        for (var bay = 0; bay < 10; bay++)
        {
            AssertClose(onGround[bay], sut[bay]);
        }
        var widths = sut.Select(quad => (quad.B - quad.A).Length).ToList();
        Assert.True(widths[0] > widths[9] * 1.2, $"nearer bays look wider: {widths[0]:0.0} vs {widths[9]:0.0} px");
    }

    [Fact]
    public void Repeat_LastBayDrawnFromAnotherCorner_MatchesItsCornersToTheFirst()
    {
        var first = SpotQuad.FromBox(new PixelBox(0, 0, 20, 40));
        var moved = first.Translate(new PixelPoint(100, 0));
        var drawnOtherwise = new SpotQuad(moved.C, moved.D, moved.A, moved.B);

        var sut = RowRepeater.Repeat(first, drawnOtherwise, 6);

        AssertClose(first.Translate(new PixelPoint(40, 0)), sut[2]);
    }

    [Fact]
    public void Repeat_RowAlongTheBaysSides_SpacesThemLinearly()
    {
        // Bays stacked along their own side edges: the side edges of the end bays lie on one line, no perspective to fit.
        var first = SpotQuad.FromBox(new PixelBox(0, 0, 40, 20));
        var last = first.Translate(new PixelPoint(0, 60));

        var sut = RowRepeater.Repeat(first, last, 4);

        AssertClose(first.Translate(new PixelPoint(0, 20)), sut[1]);
        AssertClose(first.Translate(new PixelPoint(0, 40)), sut[2]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(RowRepeater.MaxCount + 1)]
    public void Repeat_CountOutOfRange_SaysWhatARowMayHold(int count)
    {
        var first = SpotQuad.FromBox(new PixelBox(0, 0, 10, 10));

        var error = Assert.Throws<InvalidInputException>(() => RowRepeater.Repeat(first, first.Translate(new PixelPoint(50, 0)), count));

        Assert.Contains($"from 2 to {RowRepeater.MaxCount} bays", error.Message);
    }

    [Fact]
    public void Repeat_EndBaysInOnePlace_AsksForTheOtherEnd()
    {
        var first = SpotQuad.FromBox(new PixelBox(0, 0, 10, 10));

        var error = Assert.Throws<InvalidInputException>(() => RowRepeater.Repeat(first, first, 5));

        Assert.Contains("same place", error.Message);
    }

    private static void AssertClose(SpotQuad expected, SpotQuad actual)
    {
        for (var corner = 0; corner < 4; corner++)
        {
            Assert.True((expected[corner] - actual[corner]).Length < 1e-6, $"corner {corner}: expected {expected}, got {actual}");
        }
    }
}
