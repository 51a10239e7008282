using SmartSpot.Web.Sessions;

namespace SmartSpot.Web.Analysis;

/// <summary>Makes the files of a kind of session ready before they are opened (the demo lot is generated on first use).</summary>
public interface ISourcePreparer
{
    SessionKind Kind { get; }

    /// <summary>Ensures the source's files exist; throws <see cref="SmartSpot.Vision.InvalidInputException"/> with an operator message when they cannot be made.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);
}
