namespace SmartSpot.Web.Lots;

/// <summary>A layout was refused; the message is its first problem, <see cref="Problems"/> has them all (for highlighting).</summary>
public sealed class LayoutRefusedException(IReadOnlyList<LayoutProblem> problems)
    : Exception(problems.Count == 1 ? problems[0].Message : $"{problems[0].Message} (and {problems.Count - 1} more problems)")
{
    public IReadOnlyList<LayoutProblem> Problems { get; } = problems;
}
