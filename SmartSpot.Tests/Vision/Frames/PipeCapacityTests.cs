using System.IO.Pipes;
using SmartSpot.Vision.Frames;

namespace SmartSpot.Tests.Vision.Frames;

public sealed class PipeCapacityTests
{
    private const int Widened = 1 << 20;

    /// <summary>
    /// A writer fills a pipe nobody reads: it gets through a 720p yuv420p frame (1,382,400 bytes is more than 1 MiB, so
    /// most of one) only once the pipe is widened; at Linux's default 64 KiB it blocks after the first 64 KiB.
    /// </summary>
    [Theory]
    [InlineData(true, Widened)]
    [InlineData(false, 64 * 1024)]
    public async Task TryWiden_ReaderStalled_WriterGetsThatFarAhead(bool widen, int expectedAhead)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Pipe capacity is set with Linux's fcntl.");
        using var writer = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new AnonymousPipeClientStream(PipeDirection.In, writer.ClientSafePipeHandle);
        if (widen) PipeCapacity.TryWiden(reader, Widened);

        var written = 0;
        var filling = Task.Run(() =>
        {
            var chunk = new byte[4096];
            while (true)
            {
                writer.Write(chunk);
                Interlocked.Add(ref written, chunk.Length);
            }
        }, TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => Volatile.Read(ref written) >= expectedAhead);
        await Task.Delay(300, TestContext.Current.CancellationToken); // Room for a write past the capacity to show.

        Assert.Equal(expectedAhead, Volatile.Read(ref written));
        reader.Dispose(); // The blocked writer fails with a broken pipe and the task ends.
        await Assert.ThrowsAnyAsync<IOException>(() => filling);
    }

    /// <summary>Polls for at most 30 s: a pipe that was not widened never lets the writer that far.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; waited < 30_000 && !condition(); waited += 50)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
