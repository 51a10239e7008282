namespace SmartSpot.Vision.Spots;

/// <summary>A spot as an operator drew it: its stable id and its outline in frame pixels.</summary>
/// <param name="Id">Positive, unique in its lot; kept across edits.</param>
public sealed record SpotShape(int Id, SpotQuad Quad);
