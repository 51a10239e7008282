using SmartSpot.Web.Sessions;
using SmartSpot.Web.Storage;

namespace SmartSpot.Web.Analysis;

/// <summary>Reads analyses for pages and the API: a session live in this process is read from memory, so it is never behind; others from the database.</summary>
public sealed class SessionReader(SessionRegistry registry, SessionRepository repository)
{
    /// <summary>Every analysis, newest first.</summary>
    public async Task<IReadOnlyList<SessionSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var stored = await repository.ListAsync(cancellationToken);
        return stored.Select(summary => registry.Find(summary.Id)?.Summary ?? summary).ToList();
    }

    /// <summary>One analysis with spots, states, intervals and timeline; null when the id is unknown.</summary>
    public async Task<SessionDetail?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        registry.Find(id)?.Detail ?? await repository.GetAsync(id, cancellationToken);
}
