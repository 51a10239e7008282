namespace SmartSpot.Web.Hosting;

/// <summary>At start, warns about every <c>SmartSpot:</c> setting that no option reads, naming the nearest valid key.</summary>
public sealed class UnknownSettingsReporter(IConfiguration configuration, SettingsKeyChecker checker, ILogger<UnknownSettingsReporter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, nearest) in checker.FindUnknown(configuration))
        {
            logger.LogWarning("The setting {Key} is not one SmartSpot reads, so it has no effect. Did you mean {Nearest}?", key, nearest);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
