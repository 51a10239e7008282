using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SmartSpot.Tests;

/// <summary>
/// A live MPEG-TS stream served over HTTP by ffmpeg itself on 127.0.0.1 (FFmpeg's test pattern, in real time), to one
/// client at a time; it can be killed, paused (a stall: the connection stays open, nothing comes) and started again on the same port.
/// </summary>
public sealed class LiveStreamServer : IDisposable
{
    private Process? _process;

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
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var argument in (string[])
        [
            "-v", "error", "-nostdin", "-re", "-f", "lavfi", "-i", $"testsrc=size={Size}:rate={Fps}",
            "-c:v", "mpeg2video", "-g", "15", "-f", "mpegts", "-listen", "1", Url,
        ])
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start)!;
        _process.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        while (!IsListening(Port))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), $"the test stream server did not listen on port {Port}");
            Assert.False(_process.HasExited, "the test stream server stopped at once");
            Thread.Sleep(50);
        }
    }

    /// <summary>The camera goes away: the connection breaks and the port refuses.</summary>
    public void Kill()
    {
        if (_process is null) return;
        _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    /// <summary>The camera hangs: the connection stays open but nothing comes (SIGSTOP).</summary>
    public void Freeze() => Signal("STOP");

    public void Dispose() => Kill();

    /// <summary>A port nothing listens on (the OS picks it; it is closed again at once).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Reads the kernel's socket table: connecting to test would use up the server's one client.</summary>
    private static bool IsListening(int port)
    {
        var hexPort = port.ToString("X4", CultureInfo.InvariantCulture);
        return File.ReadLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(fields => fields[1].EndsWith(":" + hexPort, StringComparison.Ordinal) && fields[3] == "0A");
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process!.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
