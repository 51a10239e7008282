using SmartSpot.Web.Analysis;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Web.Demo;

/// <summary>Starts analyses of the synthetic demo lot, which needs no files from the operator.</summary>
public sealed class DemoSessions(SessionRegistry registry)
{
    public const string Name = "Demo lot";

    /// <summary>Queues a demo analysis; the lot is generated in the background on first use while the session shows Queued.</summary>
    /// <param name="speed">See <see cref="AnalysisSpeed"/>; null = SmartSpot:Analysis:DefaultSpeed.</param>
    /// <exception cref="QueueFullException">Too many analyses are waiting; nothing was stored.</exception>
    public Task<AnalysisSession> StartAsync(double? speed = null, CancellationToken cancellationToken = default) =>
        registry.StartAsync(DemoLotPreparer.Source, Name, speed, cancellationToken);
}
