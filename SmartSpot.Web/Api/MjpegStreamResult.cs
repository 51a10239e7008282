using System.Buffers;
using System.Text;
using SmartSpot.Web.Streaming;

namespace SmartSpot.Web.Api;

/// <summary>Sends a session's live frames as multipart/x-mixed-replace JPEG parts (what VLC, an &lt;img&gt; or a wall display reads) until the run ends or the client leaves.</summary>
public sealed class MjpegStreamResult(FrameSubscription subscription) : IResult
{
    private const string Boundary = "smartspot-frame";

    public async Task ExecuteAsync(HttpContext context)
    {
        using (subscription)
        {
            var response = context.Response;
            response.ContentType = $"multipart/x-mixed-replace; boundary={Boundary}";
            response.Headers.CacheControl = "no-store";
            await response.StartAsync(context.RequestAborted);
            try
            {
                await foreach (var frame in subscription.Frames.ReadAllAsync(context.RequestAborted))
                {
                    response.BodyWriter.Write(Encoding.ASCII.GetBytes(
                        $"--{Boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: {frame.Jpeg.Length}\r\nX-Frame-Index: {frame.FrameIndex}\r\n\r\n"));
                    response.BodyWriter.Write(frame.Jpeg);
                    response.BodyWriter.Write("\r\n"u8);
                    await response.BodyWriter.FlushAsync(context.RequestAborted);
                }
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The viewer left.
            }
        }
    }
}
