namespace SmartSpot.Web.Components.Lots;

/// <summary>The answer to the editor's "repeat this bay": every bay of the row as four [x, y] corners, or why not.</summary>
public sealed record RowResult(double[][][]? Quads, string? Error);
