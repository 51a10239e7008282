namespace SmartSpot.Web.Lots;

/// <summary>Why a lot's layout cannot be kept as it is, and the spots to highlight.</summary>
/// <param name="Kind">Which rule: overlap, shape, outside, id, name, zone, limit or setting (the editor tells a new problem from one it had by kind and spots).</param>
/// <param name="Message">For the operator: what is wrong and what to do.</param>
/// <param name="SpotIds">The spots it is about (none for a zone's name, say).</param>
public sealed record LayoutProblem(string Kind, string Message, IReadOnlyList<int> SpotIds);
