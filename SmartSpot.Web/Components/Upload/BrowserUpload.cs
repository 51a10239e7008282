using System.Diagnostics;
using Microsoft.AspNetCore.Components.Forms;
using SmartSpot.Web.Uploads;

namespace SmartSpot.Web.Components.Upload;

/// <summary>Streams a file chosen in the browser into the <see cref="UploadStore"/>, reporting progress for a bar.</summary>
public static class BrowserUpload
{
    /// <param name="save">The store's save for the kind of file (video or mask).</param>
    /// <param name="setProgress">Gets 0 to 1 as the file arrives, on any thread.</param>
    /// <param name="render">Re-renders the bar; called at most every 100 ms.</param>
    public static async Task<StoredUpload> SaveAsync(
        IBrowserFile file, long maxBytes, Func<Stream, string, CancellationToken, Task<StoredUpload>> save,
        Action<double> setProgress, Action render, CancellationToken cancellationToken)
    {
        var sinceRender = Stopwatch.StartNew();
        setProgress(0);
        await using var content = new ProgressReportingStream(file.OpenReadStream(maxBytes, cancellationToken), read =>
        {
            setProgress(file.Size == 0 ? 1 : (double)read / file.Size);
            if (sinceRender.ElapsedMilliseconds >= 100)
            {
                sinceRender.Restart();
                render();
            }
        });
        return await save(content, file.Name, cancellationToken);
    }
}
