using SmartSpot.Vision.Spots;

namespace SmartSpot.Web.Lots;

/// <summary>One spot of a lot: a stable id (kept across edits; analyses and zones refer to it), a name the operator sees, and its outline.</summary>
/// <param name="Quad">Four corners in the lot's frame pixels, clockwise on screen.</param>
public sealed record LotSpot(int Id, string Name, SpotQuad Quad);
