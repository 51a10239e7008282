using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SmartSpot.Tests;

/// <summary>
/// A live MPEG-TS stream served over HTTP by ffmpeg itself on 127.0.0.1 (FFmpeg's test pattern, in real time). ffmpeg's
/// <c>-listen 1</c> serves one client and exits, so while the server is up a new ffmpeg is started after each client,
/// as a camera takes a new connection. It can be killed (the port refuses), frozen (a stall: the connection stays open,
/// nothing comes) and started again on the same port.
/// </summary>
public sealed class LiveStreamServer : IDisposable
{
    private readonly Lock _lock = new();
    private Process? _process;
    private bool _up;

    public LiveStreamServer(string size = "160x120", int fps = 30)
    {
        (Size, Fps, Port) = (size, fps, FreePort());
        Start();
    }

    public string Size { get; }

    public int Fps { get; }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/live.ts";

    /// <summary>Starts serving and returns once the port listens.</summary>
    public void Start()
    {
        lock (_lock)
        {
            _up = true;
            Serve();
        }
        var deadline = Stopwatch.StartNew();
        while (!IsListening(Port))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), $"the test stream server did not listen on port {Port}");
            Thread.Sleep(50);
        }
    }

    /// <summary>The camera goes away: the connection breaks and the port refuses.</summary>
    /// <remarks>
    /// The wait happens outside the lock: <see cref="Process.WaitForExit()"/> raises <see cref="Process.Exited"/> itself
    /// under the process's own lock, and the handler takes ours, so holding ours here could deadlock with the
    /// event raised at the same time on another thread.
    /// </remarks>
    public void Kill()
    {
        Process? process;
        lock (_lock)
        {
            _up = false;
            process = _process;
            _process = null;
        }
        if (process is null) return;
        process.Kill();
        process.WaitForExit();
        process.Dispose();
    }

    /// <summary>The camera hangs: the connection stays open but nothing comes (SIGSTOP).</summary>
    public void Freeze()
    {
        lock (_lock)
        {
            using var kill = Process.Start("kill", ["-STOP", _process!.Id.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }
    }

    public void Dispose() => Kill();

    /// <summary>A port nothing listens on (the OS picks it; it is closed again at once).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>One ffmpeg serving one client; when it ends while the server is up, the next one starts.</summary>
    private void Serve()
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var argument in (string[])
        [
            "-v", "error", "-nostdin", "-re", "-f", "lavfi", "-i", $"testsrc=size={Size}:rate={Fps}",
            "-c:v", "mpeg2video", "-g", "15", "-f", "mpegts", "-listen", "1", Url,
        ])
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        _process = process;
        _ = process.StandardError.ReadToEndAsync();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) =>
        {
            lock (_lock)
            {
                if (_process != process) return; // killed: Kill reaps and disposes it
                if (_up) Serve();
            }
            process.Dispose();
        };
    }

    /// <summary>Reads the kernel's socket table: connecting to test would use up the server's one client.</summary>
    private static bool IsListening(int port)
    {
        var hexPort = port.ToString("X4", CultureInfo.InvariantCulture);
        return File.ReadLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(fields => fields[1].EndsWith(":" + hexPort, StringComparison.Ordinal) && fields[3] == "0A");
    }
}
