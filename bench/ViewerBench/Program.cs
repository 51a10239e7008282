// Many plain HTTP viewers on one live analysis: starts one real-time analysis through the HTTP API, opens
// CLIENTS readers of its /api/sessions/{id}/live.mjpeg (no browser), and after a warm-up measures for SECONDS
// the frames per second each viewer receives, whether the analysis keeps pace with its video, the server's
// CPU and memory, and how busy the rest of the (shared) machine was meanwhile.
//
// usage: viewer-bench URL SERVER_PID VIDEO MASK CLIENTS SECONDS
// It signs in as the administrator whose password SMARTSPOT_ADMIN_PASSWORD holds (viewers.sh reads it from the
// first run's log) through the sign-in page; every viewer uses that sign-in.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ViewerBench;

if (args.Length != 6)
{
    Console.Error.WriteLine("usage: viewer-bench URL SERVER_PID VIDEO MASK CLIENTS SECONDS");
    return 2;
}
var (baseUrl, serverPid, video, mask) = (args[0].TrimEnd('/'), int.Parse(args[1]), args[2], args[3]);
var (clients, seconds) = (int.Parse(args[4]), int.Parse(args[5]));
if (Environment.GetEnvironmentVariable("SMARTSPOT_ADMIN_PASSWORD") is not { Length: > 0 } password)
{
    Console.Error.WriteLine("error: set SMARTSPOT_ADMIN_PASSWORD to the password of the dashboard's 'admin' (printed in its log on the first run)");
    return 2;
}
var cores = Environment.ProcessorCount;

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 8, CookieContainer = new(), AllowAutoRedirect = false })
{
    BaseAddress = new Uri(baseUrl),
    Timeout = Timeout.InfiniteTimeSpan,
};
await SignInForm.SignInAsync(http, "admin", password);
using var form = new MultipartFormDataContent
{
    { new StreamContent(File.OpenRead(video)), "video", Path.GetFileName(video) },
    { new StreamContent(File.OpenRead(mask)), "mask", Path.GetFileName(mask) },
    { new StringContent("viewer bench"), "name" },
    { new StringContent("1"), "speed" },
};
using var created = await http.PostAsync("/api/sessions", form);
created.EnsureSuccessStatusCode();
var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
while ((await Session()).GetProperty("status").GetString() != "Running") await Task.Delay(100);

using var stop = new CancellationTokenSource();
var viewers = Enumerable.Range(0, clients).Select(_ => new MjpegViewer(http, $"/api/sessions/{id}/live.mjpeg")).ToList();
var reading = viewers.Select(viewer => Task.Run(() => viewer.RunAsync(stop.Token))).ToList();
await Task.Delay(TimeSpan.FromSeconds(3));

var server = Process.GetProcessById(serverPid);
var bench = Process.GetCurrentProcess();
var (serverCpu, benchCpu, machineCpu) = (server.TotalProcessorTime, bench.TotalProcessorTime, MachineLoad.BusyCoreSeconds());
var startFrames = viewers.Select(viewer => viewer.Frames).ToArray();
var startAnalysed = (await Session()).GetProperty("framesDone").GetInt32();
var loadBefore = MachineLoad.LoadAverage();
var clock = Stopwatch.StartNew();
var rss = new List<long>();
while (clock.Elapsed.TotalSeconds < seconds)
{
    server.Refresh();
    rss.Add(server.WorkingSet64 / (1024 * 1024));
    await Task.Delay(TimeSpan.FromSeconds(1));
}
var elapsed = clock.Elapsed.TotalSeconds;
server.Refresh();
bench.Refresh();
var serverShare = (server.TotalProcessorTime - serverCpu).TotalSeconds / elapsed;
var benchShare = (bench.TotalProcessorTime - benchCpu).TotalSeconds / elapsed;
var machineShare = (MachineLoad.BusyCoreSeconds() - machineCpu) / elapsed;
var session = await Session();
var analysed = (session.GetProperty("framesDone").GetInt32() - startAnalysed) / elapsed;
var videoFps = session.GetProperty("video").GetProperty("fps").GetDouble();
var received = viewers.Select((viewer, i) => (viewer.Frames - startFrames[i]) / elapsed).Order().ToArray();
var megabytes = viewers.Sum(viewer => viewer.Bytes) / (1024.0 * 1024);
stop.Cancel();
await Task.WhenAll(reading);
await http.PostAsync($"/api/sessions/{id}/stop", null);

string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
Console.WriteLine(F($"{clients} MJPEG viewers of one real-time analysis of {Path.GetFileName(video)} ({session.GetProperty("video").GetProperty("width")}x{session.GetProperty("video").GetProperty("height")}), {elapsed:0} s measured"));
Console.WriteLine(F($"analysis: {analysed:0.0} frames/s for a {videoFps:0.#} fps video ({100 * analysed / videoFps:0}% of real time)"));
Console.WriteLine(F($"per viewer frames/s: min {received[0]:0.0}, median {received[received.Length / 2]:0.0}, max {received[^1]:0.0}; {received.Count(rate => rate >= 10)} of {clients} at >= 10; {megabytes:0} MB sent in all"));
Console.WriteLine(F($"server: CPU {100 * serverShare:0}% of one core, RSS {rss.Min()}-{rss.Max()} MB"));
Console.WriteLine(F($"machine ({cores} cores): {100 * machineShare / cores:0}% busy in all; the viewers (this process) {100 * benchShare:0}% of a core, other processes {100 * Math.Max(0, machineShare - serverShare - benchShare):0}% of a core; load average {loadBefore} before, {MachineLoad.LoadAverage()} after"));
return 0;

async Task<JsonElement> Session() => await http.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}");
