using System.Net.Http.Json;
using System.Text.Json;

namespace DashboardBench;

/// <summary>The few calls of the dashboard's HTTP API the benchmark needs.</summary>
public static class Api
{
    /// <summary>Starts an analysis at real time of a video file, or of a live camera when <paramref name="source"/> is a URL.</summary>
    public static async Task<string> StartSessionAsync(HttpClient api, string source, string mask, string name)
    {
        using var form = new MultipartFormDataContent();
        if (IsUrl(source))
        {
            form.Add(new StringContent(source), "url");
        }
        else
        {
            form.Add(new StreamContent(File.OpenRead(source)), "video", Path.GetFileName(source));
            form.Add(new StringContent("1"), "speed");
        }
        form.Add(new StreamContent(File.OpenRead(mask)), "mask", Path.GetFileName(mask));
        form.Add(new StringContent(name), "name");
        using var response = await api.PostAsync("/api/sessions", form);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return created.GetProperty("id").GetString()!;
    }

    public static async Task<int> FramesDoneAsync(HttpClient api, string id) =>
        (await SessionAsync(api, id)).GetProperty("framesDone").GetInt32();

    public static async Task<double> VideoFpsAsync(HttpClient api, string id) =>
        (await SessionAsync(api, id)).GetProperty("video").GetProperty("fps").GetDouble();

    /// <summary>A live session's stream health: frames received from the camera, dropped because the analysis was busy, and its measured rate.</summary>
    public static async Task<(long Received, long Dropped, double Fps)?> StreamAsync(HttpClient api, string id) =>
        (await SessionAsync(api, id)).TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.Object
            ? (stream.GetProperty("framesReceived").GetInt64(), stream.GetProperty("framesDropped").GetInt64(), stream.GetProperty("fps").GetDouble())
            : null;

    public static bool IsUrl(string source) => source.Contains("://", StringComparison.Ordinal);

    private static Task<JsonElement> SessionAsync(HttpClient api, string id) => api.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}");
}
