using Microsoft.Extensions.Options;
using SmartSpot.Web.Sessions;

namespace SmartSpot.Web.Analysis;

/// <summary>Takes queued sessions off the queue and runs up to MaxConcurrentSessions of them at once; a failing session never stops the host.</summary>
public sealed class AnalysisWorker(
    SessionQueue queue,
    SessionRunner runner,
    IOptions<AnalysisOptions> options,
    ILogger<AnalysisWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Value.MaxConcurrentSessions);
        var running = new HashSet<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // A slot first, then a session: the queue holds exactly the sessions still waiting, so it fills up.
                await slots.WaitAsync(stoppingToken);
                var session = await queue.ReadAsync(stoppingToken);
                var run = Task.Run(() => RunAsync(session, slots, stoppingToken), CancellationToken.None);
                lock (running) running.Add(run);
                _ = run.ContinueWith(done => { lock (running) running.Remove(done); }, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Task[] left;
            lock (running) left = [.. running];
            await Task.WhenAll(left);
            logger.LogInformation("Analysis worker stopped; {Count} running analyses were interrupted.", left.Length);
        }
    }

    private async Task RunAsync(AnalysisSession session, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await runner.RunAsync(session, stoppingToken);
        }
        catch (Exception error)
        {
            logger.LogError(error, "Session {SessionId} ended abnormally.", session.Id);
        }
        finally
        {
            slots.Release();
        }
    }
}
