using System.ComponentModel;
using System.Diagnostics;

namespace SmartSpot.Vision.Frames;

/// <summary>
/// One ffmpeg (or ffprobe) child process: its stdout as a stream, its stderr kept as a short tail for error messages,
/// and the line where it announces the picture it will write. Disposing kills the process and reaps it.
/// </summary>
internal sealed class FfmpegProcess : IDisposable
{
    private const int TailLines = 40;
    /// <summary>Room for most of a 720p frame in the stdout pipe (see <see cref="PipeCapacity"/>).</summary>
    private const int OutputPipeBytes = 1 << 20;
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly TaskCompletionSource<string?> _outputVideoLine = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _stderr;
    private bool _disposed;

    private FfmpegProcess(Process process)
    {
        _process = process;
        _stderr = Task.Run(ReadErrorsAsync);
    }

    /// <summary>The child's process id (the tests look for it in the process table).</summary>
    public int Id => _process.Id;

    /// <summary>What the child writes to stdout.</summary>
    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>The <c>Stream #0:0: Video: rawvideo ...</c> line of ffmpeg's "Output #0" header; null if stderr ended without one.</summary>
    public Task<string?> OutputVideoLine => _outputVideoLine.Task;

    /// <summary>The last 40 lines the child wrote to stderr; complete once <see cref="WaitForExit"/> has returned.</summary>
    public IReadOnlyList<string> ErrorTail
    {
        get { lock (_tail) return [.. _tail]; }
    }

    /// <summary>Starts <paramref name="program"/>; a missing FFmpeg installation is reported as such.</summary>
    public static FfmpegProcess Start(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            var process = Process.Start(start) ?? throw new InvalidOperationException($"'{program}' did not start.");
            process.StandardInput.Close();
            PipeCapacity.TryWiden(process.StandardOutput.BaseStream, OutputPipeBytes);
            return new FfmpegProcess(process);
        }
        catch (Win32Exception error)
        {
            throw new InvalidOperationException(
                $"SmartSpot decodes video with FFmpeg, but '{program}' cannot be started ({error.Message}). Install it: scripts/install-native.sh run (or apt-get install ffmpeg).", error);
        }
    }

    /// <summary>Waits until the child has exited and its stderr is read to the end; returns its exit code.</summary>
    public int WaitForExit()
    {
        _process.WaitForExit();
        _stderr.Wait();
        return _process.ExitCode;
    }

    /// <summary>Ends the child at once (SIGKILL); it is reaped by <see cref="WaitForExit"/> or <see cref="Dispose"/>.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (Exception error) when (error is InvalidOperationException or ObjectDisposedException)
        {
            // Already exited, or already disposed (a late timer or cancellation callback).
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Kill();
        _process.WaitForExit();
        _stderr.Wait();
        _process.Dispose();
    }

    private async Task ReadErrorsAsync()
    {
        var inOutputHeader = false;
        try
        {
            while (await _process.StandardError.ReadLineAsync() is { } line)
            {
                lock (_tail)
                {
                    if (_tail.Count == TailLines) _tail.Dequeue();
                    _tail.Enqueue(line);
                }
                inOutputHeader |= line.StartsWith("Output #0", StringComparison.Ordinal);
                if (inOutputHeader && line.TrimStart().StartsWith("Stream #0:", StringComparison.Ordinal) && line.Contains(": Video: ", StringComparison.Ordinal))
                {
                    _outputVideoLine.TrySetResult(line);
                }
            }
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException)
        {
            // The pipe closed under us: the process is gone.
        }
        finally
        {
            _outputVideoLine.TrySetResult(null);
        }
    }
}
