using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SmartSpot.Vision;
using SmartSpot.Web.Lots;
using SmartSpot.Web.Sessions;
using SmartSpot.Web.Uploads;

namespace SmartSpot.Web.Api;

/// <summary>
/// Streams a multipart upload straight into the <see cref="UploadStore"/>, no buffering: the analysis form (a video file
/// or a camera <c>url</c>, a mask, optional name and speed) and the lot form (video, optional lot file and name).
/// Stored files are deleted on any refusal.
/// </summary>
internal static class UploadFormReader
{
    private const int FieldLimit = 1024;

    /// <summary>The one-step start: a lot of the video (or camera url) and mask, and its first analysis.</summary>
    /// <param name="querySpeed">The <c>speed</c> of the query string; the form field may give it instead (not both).</param>
    public static async Task<AnalysisSession> CreateSessionAsync(
        HttpRequest request, string? querySpeed, UploadStore uploads, LotCatalog catalog, CancellationToken cancellationToken)
    {
        var speed = AnalysisSpeed.Parse(querySpeed);
        var form = await ReadAsync(request, uploads, lotFileLimit: 0, cancellationToken);
        try
        {
            if (form.Speed is not null)
            {
                if (speed is not null) throw new InvalidInputException("The speed is given twice (in the query and in the form); give it once.");
                speed = AnalysisSpeed.Parse(form.Speed);
            }
            if (form.Video is not null && form.Url is not null)
            {
                throw new InvalidInputException("The upload has both a video file and a url; send one: the file field 'video' or the text field 'url' of a live camera.");
            }
            if (form.Video is null && form.Url is null)
            {
                throw new InvalidInputException("The video is missing: send the camera video as the multipart file field 'video', or a live camera's address as the field 'url'.");
            }
            var mask = form.Mask ?? throw new InvalidInputException("The mask is missing: send the mask image (white spots on black) as the multipart file field 'mask'.");
            if (form.Url is { } url)
            {
                if (speed is not null) throw new InvalidInputException("A live camera sets its own pace: leave out the speed when sending a url.");
                form = form with { Mask = null }; // from here on the catalog owns the mask
                return await catalog.CreateLiveAndStartAsync(url, mask, form.Name, cancellationToken);
            }
            var video = form.Video!;
            form = form with { Video = null, Mask = null }; // from here on the catalog owns both uploads
            return await catalog.CreateAndStartAsync(video, mask, form.Name, speed, cancellationToken);
        }
        finally
        {
            form.Discard(uploads);
        }
    }

    /// <summary>A lot of the video, without spots or with those of a lot file.</summary>
    public static async Task<Lot> CreateLotAsync(HttpRequest request, UploadStore uploads, LotCatalog catalog, LotOptions lots, CancellationToken cancellationToken)
    {
        var form = await ReadAsync(request, uploads, lots.MaxLotFileBytes, cancellationToken);
        try
        {
            if (form.Mask is not null || form.Url is not null)
            {
                throw new InvalidInputException("A new lot takes a video and optionally a lot file ('lot'); import a mask into the lot afterwards (PUT /api/lots/{id}/mask), or start an analysis of a video and mask at POST /api/sessions.");
            }
            var video = form.Video ?? throw new InvalidInputException("The video is missing: send the camera video as the multipart file field 'video'.");
            var file = form.LotFile is var (json, fileName) ? LotFile.Read(json, fileName) : null;
            form = form with { Video = null };
            return await catalog.CreateAsync(video, form.Name, file, cancellationToken);
        }
        finally
        {
            form.Discard(uploads);
        }
    }

    /// <summary>The fields of a form as they arrive; on any refusal the files stored so far are deleted.</summary>
    private static async Task<UploadForm> ReadAsync(HttpRequest request, UploadStore uploads, long lotFileLimit, CancellationToken cancellationToken)
    {
        var limits = uploads.Limits;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limits.MaxTotalBytes + lotFileLimit + 1024 * 1024;
        }
        var reader = new MultipartReader(Boundary(request), request.Body)
        {
            // Above the UploadStore limits, so that the store refuses first and names the limit and the file.
            BodyLengthLimit = Math.Max(Math.Max(limits.MaxVideoBytes, limits.MaxMaskBytes), lotFileLimit) + 64 * 1024,
        };
        var form = new UploadForm(null, null, null, null, null, null);
        try
        {
            while (await ReadSectionAsync(reader, cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                var field = disposition.Name.Value?.Trim('"').ToLowerInvariant();
                var fileName = (disposition.FileNameStar.Value ?? disposition.FileName.Value)?.Trim('"');
                switch (field)
                {
                    case "video" or "mask" or "lot" when fileName is not null && (field == "video" ? form.Video : field == "mask" ? form.Mask : (object?)form.LotFile) is not null:
                        throw new InvalidInputException($"The upload has more than one '{field}' file; send one of each.");
                    case "video" when fileName is not null:
                        form = form with { Video = await uploads.SaveVideoAsync(section.Body, fileName, cancellationToken) };
                        break;
                    case "mask" when fileName is not null:
                        form = form with { Mask = await uploads.SaveMaskAsync(section.Body, fileName, cancellationToken) };
                        break;
                    case "lot" when fileName is not null && lotFileLimit > 0:
                        var json = await BoundedRead.AllAsync(section.Body, lotFileLimit,
                            $"'{fileName}' is larger than the {UploadStore.FormatBytes(lotFileLimit)} limit for a lot file (SmartSpot:Lots:MaxLotFileBytes).", cancellationToken);
                        form = form with { LotFile = (json, fileName) };
                        break;
                    case "name":
                        form = form with { Name = await ReadFieldAsync(section, cancellationToken, "the name") };
                        break;
                    case "url":
                        form = form with { Url = await ReadFieldAsync(section, cancellationToken, "the url", StreamAddress.MaxLength) };
                        break;
                    case "speed" when form.Speed is not null:
                        throw new InvalidInputException("The speed is given twice in the form; give it once.");
                    case "speed":
                        form = form with { Speed = await ReadFieldAsync(section, cancellationToken, "the speed") };
                        break;
                }
            }
            return form;
        }
        catch
        {
            form.Discard(uploads);
            throw;
        }
    }

    /// <summary>The parts of an upload form that arrived; the stored files belong to it until taken.</summary>
    private sealed record UploadForm(StoredUpload? Video, StoredUpload? Mask, (byte[] Json, string FileName)? LotFile, string? Name, string? Speed, string? Url)
    {
        public void Discard(UploadStore uploads)
        {
            if (Video is not null) uploads.Delete(Video);
            if (Mask is not null) uploads.Delete(Mask);
        }
    }

    /// <summary>The next part; a body that is malformed or ends before its closing boundary is refused as the client's error.</summary>
    private static async Task<MultipartSection?> ReadSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (InvalidDataException malformed)
        {
            throw new InvalidInputException($"The upload is not a well-formed multipart form ({malformed.Message.TrimEnd('.')}). Send it as multipart/form-data.", malformed);
        }
        catch (IOException cut) when (cut is not BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            throw new InvalidInputException("The upload ended before it was complete (the connection was cut or the form was not closed). Send it again.", cut);
        }
    }

    private static string Boundary(HttpRequest request)
    {
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(type.Boundary).Value is { Length: > 0 } boundary)
        {
            return boundary;
        }
        throw new InvalidInputException("Send the files as multipart/form-data with the file fields 'video' and 'mask' (and optionally 'name' and 'speed').");
    }

    private static async Task<string> ReadFieldAsync(MultipartSection section, CancellationToken cancellationToken, string what, int limit = FieldLimit)
    {
        using var reader = new StreamReader(section.Body);
        var buffer = new char[limit + 1];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        if (read > limit) throw new InvalidInputException($"A form field is longer than {limit} characters; shorten {what}.");
        return new string(buffer, 0, read);
    }
}
