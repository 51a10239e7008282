namespace SmartSpot.Demo;

/// <summary>The bays truly occupied in one frame of the demo video.</summary>
/// <param name="Occupied">Ids of the occupied bays, ascending; every other bay is free.</param>
public sealed record DemoFrameTruth(int Index, IReadOnlyList<int> Occupied);
