using SmartSpot.Demo;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Analysis;
using SmartSpot.Web.Lots;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Web.Demo;

/// <summary>Starts analyses of the synthetic demo lot, which needs no files from the operator: the lot is made on first use, its bays known before its video is drawn.</summary>
public sealed class DemoSessions(LotRepository lots, LotCatalog catalog, DemoLotOptions demo, TimeProvider time)
{
    public const string Name = "Demo lot";

    private readonly SemaphoreSlim _making = new(1, 1);

    /// <summary>Queues a demo analysis; the lot's video is generated in the background on first use while the session shows Queued.</summary>
    /// <param name="speed">See <see cref="AnalysisSpeed"/>; null = SmartSpot:Analysis:DefaultSpeed.</param>
    /// <exception cref="QueueFullException">Too many analyses are waiting; nothing was stored.</exception>
    public async Task<AnalysisSession> StartAsync(double? speed = null, CancellationToken cancellationToken = default)
    {
        var lot = await LotAsync(cancellationToken);
        return await catalog.StartAsync(lot.Id, speed, cancellationToken)
            ?? throw new InvalidOperationException("The demo lot disappeared while its analysis was started.");
    }

    /// <summary>The demo lot: the newest one, or a new one with the generator's bays as its spots.</summary>
    public async Task<Lot> LotAsync(CancellationToken cancellationToken)
    {
        await _making.WaitAsync(cancellationToken);
        try
        {
            if (await lots.FindDemoAsync(cancellationToken) is { } existing) return existing;
            var spots = new DemoLotGenerator(demo).Bays
                .Select(bay => new LotSpot(bay.Id, bay.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), SpotQuad.FromBox(new PixelBox(bay.X, bay.Y, bay.Width, bay.Height))))
                .ToList();
            var now = time.GetUtcNow();
            var lot = new Lot(Guid.NewGuid(), Name, now, now, DemoLotPreparer.Source, LotLayout.Empty(new PixelSize(demo.Width, demo.Height)) with { Spots = spots });
            await lots.AddAsync(lot, cancellationToken);
            return lot;
        }
        finally
        {
            _making.Release();
        }
    }
}
