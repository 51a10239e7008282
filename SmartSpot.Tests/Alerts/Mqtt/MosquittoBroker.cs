using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SmartSpot.Tests.Alerts.Mqtt;

/// <summary>Debian's Mosquitto on a free 127.0.0.1 port, from a config file the test writes (anonymous, no persistence).
/// Stopped by killing the process it started; <see cref="StartAgainAsync"/> brings it back on the same port, empty.</summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private static readonly string[] Locations = ["/usr/sbin/mosquitto", "/usr/bin/mosquitto"];
    private readonly string _executable;
    private readonly string _config;
    private Process? _process;

    private MosquittoBroker(string executable, int port)
    {
        _executable = executable;
        Port = port;
        _config = Path.Combine(TestPaths.TempDirectory(), "mosquitto.conf");
        File.WriteAllText(_config, $"""
            listener {port} 127.0.0.1
            allow_anonymous true
            persistence false
            log_dest stderr
            """);
    }

    public int Port { get; }

    /// <summary>Starts a broker, or skips the test when Mosquitto is missing; on CI (CI=true) a missing Mosquitto fails instead,
    /// since <c>scripts/install-native.sh test</c> must have installed it.</summary>
    public static async Task<MosquittoBroker> StartAsync()
    {
        var executable = Locations.FirstOrDefault(File.Exists);
        if (executable is null)
        {
            const string reason = "Mosquitto is not installed: `scripts/install-native.sh test` installs it (Debian package 'mosquitto')";
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException(reason + ", and on CI it must have.");
            Assert.Skip(reason);
        }
        var broker = new MosquittoBroker(executable, FreePort());
        await broker.StartAgainAsync();
        return broker;
    }

    public async Task StartAgainAsync()
    {
        _process = Process.Start(new ProcessStartInfo(_executable, ["-c", _config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"mosquitto -c {_config} exited with code {_process.ExitCode}.");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20, timeout.Token);
            }
        }
    }

    public async Task StopAsync()
    {
        if (_process is null) return;
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
