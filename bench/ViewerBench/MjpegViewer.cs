using System.Text;

namespace ViewerBench;

/// <summary>One plain HTTP viewer of a live.mjpeg stream: reads part headers and skips the JPEG bytes, counting frames.</summary>
public sealed class MjpegViewer(HttpClient client, string url)
{
    private long _frames;
    private long _bytes;

    public long Frames => Interlocked.Read(ref _frames);

    public long Bytes => Interlocked.Read(ref _bytes);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var stream = new BufferedStream(await response.Content.ReadAsStreamAsync(cancellationToken), 1 << 16);
            var skip = new byte[1 << 16];
            while (!cancellationToken.IsCancellationRequested)
            {
                var length = await ReadPartHeaderAsync(stream, cancellationToken);
                if (length < 0) return;
                for (var left = length + 2; left > 0;)
                {
                    var read = await stream.ReadAsync(skip.AsMemory(0, Math.Min(left, skip.Length)), cancellationToken);
                    if (read == 0) return;
                    left -= read;
                }
                Interlocked.Increment(ref _frames);
                Interlocked.Add(ref _bytes, length);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The Content-Length of the next part; -1 at the end of the stream.</summary>
    private static async Task<int> ReadPartHeaderAsync(Stream stream, CancellationToken cancellationToken)
    {
        var length = -1;
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken) == 1)
        {
            if (one[0] == '\r') continue;
            if (one[0] != '\n')
            {
                line.Append((char)one[0]);
                continue;
            }
            var text = line.ToString();
            line.Clear();
            if (text.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(text["Content-Length:".Length..]);
            else if (text.Length == 0 && length >= 0) return length;
        }
        return -1;
    }
}
