using System.Diagnostics;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using SmartSpot.Vision;
using SmartSpot.Web.Components.Upload;
using SmartSpot.Web.Analysis;
using SmartSpot.Web.Auth.Audit;
using SmartSpot.Web.Storage;
using SmartSpot.Web.Uploads;

namespace SmartSpot.Web.Components.Pages;

/// <summary>
/// The start page: choose a video (or give a camera URL) and a mask, upload them with progress, start the analysis
/// (a live one for a URL); or start the demo lot.
/// </summary>
public sealed partial class Home : IDisposable
{
    private readonly CancellationTokenSource _leaving = new();
    private IBrowserFile? _video;
    private IBrowserFile? _mask;
    private string? _name;
    private string? _url;
    private double? _videoProgress;
    private double? _maskProgress;
    private bool _busy;
    private string? _error;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>A camera URL is given (and no video chosen): the analysis will be live.</summary>
    private bool Live => _video is null && !string.IsNullOrWhiteSpace(_url);

    private bool CanStart => _mask is not null && (_video is not null || Live);

    private async Task StartAsync()
    {
        if (!CanStart)
        {
            return;
        }
        _busy = true;
        _error = null;
        StoredUpload? video = null;
        try
        {
            if (Live)
            {
                var maskOnly = await UploadAsync(_mask!, Uploads.Limits.MaxMaskBytes, Uploads.SaveMaskAsync, progress => _maskProgress = progress);
                var live = await Catalog.CreateLiveAndStartAsync(_url!, maskOnly, _name, _leaving.Token); // owns the mask from here on
                await Audit.RecordAsync((await AuthenticationState).User, AuditAction.Uploaded, live.Id.ToString(), live.Source.VideoFileName);
                Navigation.NavigateTo($"/sessions/{live.Id}");
                return;
            }
            video = await UploadAsync(_video!, Uploads.Limits.MaxVideoBytes, Uploads.SaveVideoAsync, progress => _videoProgress = progress);
            var mask = await UploadAsync(_mask!, Uploads.Limits.MaxMaskBytes, Uploads.SaveMaskAsync, progress => _maskProgress = progress);
            var stored = video;
            video = null; // from here on the catalog owns both uploads
            var session = await Catalog.CreateAndStartAsync(stored, mask, _name, speed: null, _leaving.Token);
            await Audit.RecordAsync((await AuthenticationState).User, AuditAction.Uploaded, session.Id.ToString(), _video!.Name);
            Navigation.NavigateTo($"/sessions/{session.Id}");
        }
        catch (Exception error) when (error is InvalidInputException or QueueFullException or StorageException or IOException)
        {
            _error = error is IOException ? "SmartSpot could not store the files. Try again; if it keeps failing, the server log has the details." : error.Message;
        }
        finally
        {
            if (video is not null)
            {
                Uploads.Delete(video);
            }
            (_busy, _videoProgress, _maskProgress) = (false, null, null);
        }
    }

    private async Task StartDemoAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            var session = await Demo.StartAsync(cancellationToken: _leaving.Token);
            await Audit.RecordAsync((await AuthenticationState).User, AuditAction.DemoStarted, session.Id.ToString());
            Navigation.NavigateTo($"/sessions/{session.Id}");
        }
        catch (Exception error) when (error is QueueFullException or StorageException)
        {
            _error = error.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private Task<StoredUpload> UploadAsync(
        IBrowserFile file, long maxBytes, Func<Stream, string, CancellationToken, Task<StoredUpload>> save, Action<double> setProgress) =>
        BrowserUpload.SaveAsync(file, maxBytes, save, setProgress, () => _ = InvokeAsync(StateHasChanged), _leaving.Token); // the store may read on any thread

    public void Dispose()
    {
        _leaving.Cancel();
        _leaving.Dispose();
    }
}
