// Measures the dashboard as an operator sees it: starts analyses through the HTTP API at real time,
// opens each session page in headless Chromium, and reads from the page how many frames per second
// it shows and how far behind their analysis they are on screen; meanwhile it samples the server's
// memory and CPU and checks that every analysis keeps pace with its video.
//
// usage: dashboard-bench URL SERVER_PID SOURCE MASK SESSIONS VIEWERS SECONDS
// (SOURCE: a video file, or comma-separated camera URLs, session i watching the i-th (live sessions);
//  VIEWERS: how many of the sessions get a browser page; the others run unwatched)
// The server's CPU includes its children: the ffmpeg processes that decode for it.
// It signs in as the administrator whose password SMARTSPOT_ADMIN_PASSWORD holds (dashboard.sh reads it from the
// first run's log) through the sign-in page; the pages and the API calls use that sign-in.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DashboardBench;
using Microsoft.Playwright;

if (args.Length != 7)
{
    Console.Error.WriteLine("usage: dashboard-bench URL SERVER_PID SOURCE MASK SESSIONS VIEWERS SECONDS");
    return 2;
}
var (baseUrl, serverPid, sources, mask) = (args[0].TrimEnd('/'), int.Parse(args[1]), args[2].Split(','), args[3]);
var (sessionCount, viewers, seconds) = (int.Parse(args[4]), int.Parse(args[5]), int.Parse(args[6]));

if (Environment.GetEnvironmentVariable("SMARTSPOT_ADMIN_PASSWORD") is not { Length: > 0 } password)
{
    Console.Error.WriteLine("error: set SMARTSPOT_ADMIN_PASSWORD to the password of the dashboard's 'admin' (printed in its log on the first run)");
    return 2;
}

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
var (signedIn, cookie) = await SignIn.AsAsync(browser, baseUrl, "admin", password);

using var api = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
api.DefaultRequestHeaders.Add("Cookie", cookie);
var sessions = new List<string>();
for (var i = 0; i < sessionCount; i++)
{
    sessions.Add(await Api.StartSessionAsync(api, sources[i % sources.Length], mask, $"bench {i + 1}"));
}
var live = Api.IsUrl(sources[0]);
Console.WriteLine($"{sessionCount} session(s) at real time on {(live ? "live camera(s)" : Path.GetFileName(sources[0]))}, {viewers} watched in a browser; sampling {seconds} s");
var warmUp = Stopwatch.StartNew();
while ((await Task.WhenAll(sessions.Select(id => Api.FramesDoneAsync(api, id)))).Any(done => done == 0))
{
    if (warmUp.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("a session analysed no frame within 60 s");
    await Task.Delay(500);
}

var pages = new List<IPage>();
foreach (var id in sessions.Take(viewers))
{
    var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, StorageState = signedIn });
    var page = await context.NewPageAsync();
    await page.GotoAsync($"{baseUrl}/sessions/{id}");
    await page.WaitForFunctionAsync("() => window.smartspotStats && window.smartspotStats.frames > 10", null, new() { Timeout = 60_000 });
    pages.Add(page);
}
foreach (var page in pages) await page.EvaluateAsync("() => window.smartspotStats.reset()");

var server = Process.GetProcessById(serverPid);
var startCpu = ProcessTreeCpu.Of(serverPid);
var startFrames = await Task.WhenAll(sessions.Select(id => Api.FramesDoneAsync(api, id)));
var startStreams = await Task.WhenAll(sessions.Select(id => Api.StreamAsync(api, id)));
var clock = Stopwatch.StartNew();
var memory = new List<(double Seconds, long Megabytes)>();
while (clock.Elapsed.TotalSeconds < seconds)
{
    server.Refresh();
    memory.Add((clock.Elapsed.TotalSeconds, server.WorkingSet64 / (1024 * 1024)));
    await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, Math.Max(1, seconds / 20.0))));
}
var elapsed = clock.Elapsed.TotalSeconds;
server.Refresh();
var cpu = (ProcessTreeCpu.Of(serverPid) - startCpu).TotalSeconds / elapsed;
var endFrames = await Task.WhenAll(sessions.Select(id => Api.FramesDoneAsync(api, id)));
var endStreams = await Task.WhenAll(sessions.Select(id => Api.StreamAsync(api, id)));
var fps = await Api.VideoFpsAsync(api, sessions[0]);

for (var i = 0; i < sessions.Count; i++)
{
    var analysed = (endFrames[i] - startFrames[i]) / elapsed;
    var shown = "unwatched";
    if (i < pages.Count)
    {
        var summary = await pages[i].EvaluateAsync<JsonElement>("() => window.smartspotStats.summary()");
        shown = string.Create(CultureInfo.InvariantCulture,
            $"browser shows {summary.GetProperty("fps").GetDouble():0.0} frames/s, lag mean {summary.GetProperty("meanLagMs").GetDouble():0} ms, p95 {summary.GetProperty("p95LagMs").GetDouble():0} ms, decode mean {summary.GetProperty("meanDecodeMs").GetDouble():0} ms");
    }
    var camera = "";
    if (startStreams[i] is { } before && endStreams[i] is { } after)
    {
        // A live session numbers every frame the camera sent, analysed or dropped: what it analysed is what it kept.
        var received = after.Received - before.Received;
        var dropped = after.Dropped - before.Dropped;
        analysed = (received - dropped) / elapsed;
        camera = string.Create(CultureInfo.InvariantCulture,
            $"; camera sent {received / elapsed:0.0} frames/s, {dropped} of {received} dropped while the analysis was busy");
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"session {i + 1}: {shown}; analysis {analysed:0.0} frames/s for a {fps:0.#} fps video ({100 * analysed / fps:0}% of real time){camera}"));
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server CPU (with its ffmpeg children) {100 * cpu:0}% of one core; memory (RSS, MB) over the run: {string.Join(" ", memory.Select(m => $"{m.Seconds:0}s:{m.Megabytes}"))}"));
foreach (var id in sessions) await api.PostAsync($"/api/sessions/{id}/stop", null);
return 0;
