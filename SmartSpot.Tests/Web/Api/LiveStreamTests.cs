using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SmartSpot.Tests.Web.Api;

/// <summary>GET /api/sessions/{id}/live.mjpeg: the session's shared frame feed for viewers without a dashboard.</summary>
public sealed class LiveStreamTests
{
    [Fact]
    public async Task Get_RunningSession_StreamsJpegPartsUntilTheRunEnds()
    {
        var lot = TestLot.Write(TestPaths.TempDirectory(), frames: 300);
        await using var sut = new SmartSpotAppFactory(TestPaths.TempDirectory(), new Dictionary<string, string?> { ["SmartSpot:Analysis:DefaultSpeed"] = "1" });
        var id = await sut.StartAsync(lot.VideoPath, lot.MaskPath);
        var client = sut.CreateClient();

        using var response = await client.GetAsync($"/api/sessions/{id}/live.mjpeg", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("multipart/x-mixed-replace", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var frames = new List<(int Index, byte[] Jpeg)>();
        while (frames.Count < 3)
        {
            frames.Add(await ReadPartAsync(stream));
        }
        using var stop = await client.PostAsync($"/api/sessions/{id}/stop", null, TestContext.Current.CancellationToken);
        var rest = await ReadToEndAsync(stream);

        Assert.All(frames, frame => Assert.Equal([0xFF, 0xD8], frame.Jpeg[..2]));
        Assert.True(frames[0].Index < frames[1].Index && frames[1].Index < frames[2].Index);
        using var image = OpenCvSharp.Cv2.ImDecode(frames[0].Jpeg, OpenCvSharp.ImreadModes.Color);
        Assert.Equal((240, 120), (image.Width, image.Height));
        Assert.True(rest < 10 * 1024 * 1024, "the stream ends once the analysis is stopped");
    }

    [Fact]
    public async Task Get_FinishedSession_Returns409Problem()
    {
        var lot = TestLot.Write(TestPaths.TempDirectory());
        await using var sut = new SmartSpotAppFactory(TestPaths.TempDirectory());
        var id = await sut.StartAsync(lot.VideoPath, lot.MaskPath);
        await sut.WaitForAsync(id, "Completed");

        using var response = await sut.CreateClient().GetAsync($"/api/sessions/{id}/live.mjpeg", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("not queued or running", body.GetProperty("error").GetString());
    }

    /// <summary>Reads one part: boundary and headers up to the blank line, then Content-Length bytes.</summary>
    private static async Task<(int Index, byte[] Jpeg)> ReadPartAsync(Stream stream)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string line;
        while ((line = await ReadLineAsync(stream)) != "" || headers.Count == 0)
        {
            if (line.Split(": ", 2) is [var name, var value]) headers[name] = value;
        }
        var jpeg = new byte[int.Parse(headers["Content-Length"])];
        await stream.ReadExactlyAsync(jpeg, TestContext.Current.CancellationToken);
        await ReadLineAsync(stream);
        return (int.Parse(headers["X-Frame-Index"]), jpeg);
    }

    private static async Task<string> ReadLineAsync(Stream stream)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one, TestContext.Current.CancellationToken) == 1 && one[0] != '\n')
        {
            if (one[0] != '\r') line.Append((char)one[0]);
        }
        return line.ToString();
    }

    private static async Task<long> ReadToEndAsync(Stream stream)
    {
        var buffer = new byte[65536];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0) total += read;
        return total;
    }
}
