using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Occupancy;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Tests.Vision.Occupancy;

public sealed class OccupancyStateTests
{
    private static readonly ParkingSpot A = new(1, new PixelBox(0, 0, 10, 10), 100);
    private static readonly ParkingSpot B = new(2, new PixelBox(20, 0, 10, 10), 100);
    private static readonly SpotClassification Free = new(SpotStatus.Free, 0.9f);
    private static readonly SpotClassification Taken = new(SpotStatus.Occupied, 0.9f);

    private static OccupancyState Create() => new([A, B], new OccupancyOptions { ConfirmationCount = 3 });

    private static OccupancySnapshot Update(OccupancyState sut, int frame, params SpotClassification[] verdictsForA) =>
        sut.Update(frame, TimeSpan.FromSeconds(frame), [A], verdictsForA);

    [Fact]
    public void Update_FirstVerdicts_AreTakenAtOnce()
    {
        var sut = Create();

        var snapshot = sut.Update(0, TimeSpan.Zero, [A, B], [Free, Taken]);

        Assert.Equal((1, 1, 2), (snapshot.Free, snapshot.Occupied, snapshot.Total));
        Assert.Empty(snapshot.Changed);
    }

    [Fact]
    public void Update_Flicker_DoesNotFlip()
    {
        var sut = Create();
        sut.Update(0, TimeSpan.Zero, [A, B], [Free, Free]);

        Update(sut, 1, Taken);
        Update(sut, 2, Taken);
        var snapshot = Update(sut, 3, Free);
        snapshot = Update(sut, 4, Taken);

        Assert.Equal(SpotStatus.Free, snapshot.Spots[0].Status);
        Assert.Empty(snapshot.Changed);
    }

    [Fact]
    public void Update_ThreeAgreeingVotes_Flip()
    {
        var sut = Create();
        sut.Update(0, TimeSpan.Zero, [A, B], [Free, Free]);

        Update(sut, 1, Taken);
        Update(sut, 2, Taken);
        var snapshot = Update(sut, 3, Taken);

        Assert.Equal([1], snapshot.Changed);
        Assert.Equal(new SpotState(1, SpotStatus.Occupied, 0.9f, 3, TimeSpan.FromSeconds(3)), snapshot.Spots[0]);
        Assert.Equal(1, snapshot.Occupied);
    }

    [Fact]
    public void Update_AgreeingVerdictWithLowConfidence_KeepsStatusAndStartButMarksItUncertain()
    {
        var sut = Create();
        sut.Update(0, TimeSpan.Zero, [A, B], [Free, Free]);

        var snapshot = Update(sut, 5, Free with { Confidence = 0.62f });

        Assert.Equal(new SpotState(1, SpotStatus.Free, 0.62f, 0, TimeSpan.Zero, Uncertain: true), snapshot.Spots[0]);
        Assert.Empty(snapshot.Changed);
        Assert.False(snapshot.Spots[1].Uncertain);
    }

    [Fact]
    public void Update_ConfidenceRecovers_ClearsUncertain()
    {
        var sut = Create();
        sut.Update(0, TimeSpan.Zero, [A, B], [Free with { Confidence = 0.55f }, Free]);
        Assert.True(sut.Update(1, TimeSpan.FromSeconds(1), [], []).Spots[0].Uncertain);

        var snapshot = Update(sut, 2, Free with { Confidence = 0.97f });

        Assert.False(snapshot.Spots[0].Uncertain);
        Assert.Equal(0.97f, snapshot.Spots[0].Confidence);
    }

    [Fact]
    public void Update_UncertainBelowHalf_NeverMarksUncertain()
    {
        var sut = new OccupancyState([A], new OccupancyOptions { UncertainBelow = 0.5f });

        var snapshot = sut.Update(0, TimeSpan.Zero, [A], [Free with { Confidence = 0.5f }]);

        Assert.False(snapshot.Spots[0].Uncertain);
    }

    [Fact]
    public void Undecided_WhileVotesArePending_ListsTheSpot()
    {
        var sut = Create();
        sut.Update(0, TimeSpan.Zero, [A, B], [Free, Free]);

        Update(sut, 1, Taken);
        Assert.Equal([A], sut.Undecided);

        Update(sut, 2, Free);
        Assert.Empty(sut.Undecided);
    }
}
