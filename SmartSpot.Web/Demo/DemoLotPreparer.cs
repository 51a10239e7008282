using Microsoft.Extensions.Options;
using SmartSpot.Demo;
using SmartSpot.Vision;
using SmartSpot.Web.Analysis;
using SmartSpot.Web.Lots;
using SmartSpot.Web.Sessions;
using SmartSpot.Web.Storage;

namespace SmartSpot.Web.Demo;

/// <summary>Generates the demo lot's files in the data directory's demo folder (once, then cached; again if they are gone).</summary>
public sealed class DemoLotPreparer(DemoLotOptions demo, IOptions<StorageOptions> storage) : ISourcePreparer
{
    /// <summary>Where the demo lot's pictures come from: its video, relative to the data directory.</summary>
    public static LotSource Source { get; } = new(
        SessionKind.Demo, DemoLotGenerator.VideoFileName, StorageOptions.StoredPath(StorageOptions.DemoFolder, DemoLotGenerator.VideoFileName));

    public SessionKind Kind => SessionKind.Demo;

    /// <remarks>Generating takes about a minute of CPU: on a thread of its own, so that the pool serving the dashboard is not starved.</remarks>
    public Task PrepareAsync(CancellationToken cancellationToken) => Task.Factory.StartNew(() =>
    {
        try
        {
            new DemoLotGenerator(demo).EnsureGenerated(storage.Value.DemoDirectory);
        }
        catch (Exception error) when (StorageException.From(error) is { } storageError)
        {
            throw new InvalidInputException($"The demo lot could not be generated: {storageError.Message}", error);
        }
    }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
