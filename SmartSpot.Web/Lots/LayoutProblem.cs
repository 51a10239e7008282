namespace SmartSpot.Web.Lots;

/// <summary>Why a lot's layout cannot be kept as it is, and the spots to highlight.</summary>
/// <param name="Message">For the operator: what is wrong and what to do.</param>
/// <param name="SpotIds">The spots it is about (none for a zone's name, say).</param>
public sealed record LayoutProblem(string Message, IReadOnlyList<int> SpotIds);
