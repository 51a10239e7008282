using System.Net.Http.Json;
using System.Text.Json;

namespace DashboardBench;

/// <summary>The few calls of the dashboard's HTTP API the benchmark needs.</summary>
public static class Api
{
    public static async Task<string> StartSessionAsync(HttpClient api, string video, string mask, string name)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StreamContent(File.OpenRead(video)), "video", Path.GetFileName(video));
        form.Add(new StreamContent(File.OpenRead(mask)), "mask", Path.GetFileName(mask));
        form.Add(new StringContent(name), "name");
        form.Add(new StringContent("1"), "speed");
        using var response = await api.PostAsync("/api/sessions", form);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return created.GetProperty("id").GetString()!;
    }

    public static async Task<int> FramesDoneAsync(HttpClient api, string id) =>
        (await SessionAsync(api, id)).GetProperty("framesDone").GetInt32();

    public static async Task<double> VideoFpsAsync(HttpClient api, string id) =>
        (await SessionAsync(api, id)).GetProperty("video").GetProperty("fps").GetDouble();

    private static Task<JsonElement> SessionAsync(HttpClient api, string id) => api.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}");
}
