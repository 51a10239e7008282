using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmartSpot.Tests.Web;

/// <summary>The whole web app in memory on a real SQLite file in <paramref name="dataDirectory"/>; analyses run as fast as possible.</summary>
public sealed class SmartSpotAppFactory(
    string dataDirectory,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public string DataDirectory { get; } = dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SmartSpot:DataDirectory", DataDirectory);
        builder.UseSetting("SmartSpot:Analysis:DefaultSpeed", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (services is not null) builder.ConfigureServices(services);
    }

    /// <summary>Posts a video and mask (and optional extra form fields) to /api/sessions.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string videoPath, string maskPath, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        form.Add(FileContent(videoPath), "video", Path.GetFileName(videoPath));
        form.Add(FileContent(maskPath), "mask", Path.GetFileName(maskPath));
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return await CreateClient().PostAsync("/api/sessions", form);
    }

    /// <summary>Posts a live camera's URL and a mask (and optional extra form fields) to /api/sessions.</summary>
    public async Task<HttpResponseMessage> UploadLiveAsync(string url, string maskPath, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(url), "url");
        form.Add(FileContent(maskPath), "mask", Path.GetFileName(maskPath));
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return await CreateClient().PostAsync("/api/sessions", form);
    }

    /// <summary>Uploads and returns the new session's id, failing the test unless the upload was accepted.</summary>
    public async Task<Guid> StartAsync(string videoPath, string maskPath, params (string Name, string Value)[] fields)
    {
        using var response = await UploadAsync(videoPath, maskPath, fields);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> GetSessionAsync(Guid id)
    {
        using var response = await CreateClient().GetAsync($"/api/sessions/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls the session until its status is one of <paramref name="statuses"/>; fails after <see cref="Patience"/>.</summary>
    public async Task<JsonElement> WaitForAsync(Guid id, params string[] statuses)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var session = await GetSessionAsync(id);
            var status = session.GetProperty("status").GetString();
            if (statuses.Contains(status)) return session;
            Assert.True(DateTime.UtcNow < deadline, $"Session {id} is still {status}, expected {string.Join('/', statuses)}: {session}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static ByteArrayContent FileContent(string path)
    {
        var content = new ByteArrayContent(File.ReadAllBytes(path));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }
}
