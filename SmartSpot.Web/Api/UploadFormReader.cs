using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SmartSpot.Vision;
using SmartSpot.Web.Analysis;
using SmartSpot.Web.Sessions;
using SmartSpot.Web.Uploads;

namespace SmartSpot.Web.Api;

/// <summary>
/// Streams a multipart upload (a video file or a camera <c>url</c>, a mask, optional name and speed) straight into the
/// <see cref="UploadStore"/>, no buffering, and creates the session: a live one for a url.
/// </summary>
internal static class UploadFormReader
{
    private const int FieldLimit = 1024;

    /// <param name="querySpeed">The <c>speed</c> of the query string; the form field may give it instead (not both).</param>
    public static async Task<AnalysisSession> CreateSessionAsync(
        HttpRequest request, string? querySpeed, UploadStore uploads, SessionRegistry registry, CancellationToken cancellationToken)
    {
        var limits = uploads.Limits;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limits.MaxTotalBytes + 1024 * 1024;
        }
        var speed = AnalysisSpeed.Parse(querySpeed);
        var reader = new MultipartReader(Boundary(request), request.Body)
        {
            // Above the UploadStore limits, so that the store refuses first and names the limit and the file.
            BodyLengthLimit = Math.Max(limits.MaxVideoBytes, limits.MaxMaskBytes) + 64 * 1024,
        };
        StoredUpload? video = null, mask = null;
        string? name = null, url = null;
        try
        {
            while (await ReadSectionAsync(reader, cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                var field = disposition.Name.Value?.Trim('"').ToLowerInvariant();
                var fileName = (disposition.FileNameStar.Value ?? disposition.FileName.Value)?.Trim('"');
                switch (field)
                {
                    case "video" or "mask" when fileName is not null && (field == "video" ? video : mask) is not null:
                        throw new InvalidInputException($"The upload has more than one '{field}' file; send one video and one mask per analysis.");
                    case "video" when fileName is not null:
                        video = await uploads.SaveVideoAsync(section.Body, fileName, cancellationToken);
                        break;
                    case "mask" when fileName is not null:
                        mask = await uploads.SaveMaskAsync(section.Body, fileName, cancellationToken);
                        break;
                    case "name":
                        name = await ReadFieldAsync(section, cancellationToken, "the name");
                        break;
                    case "url":
                        url = await ReadFieldAsync(section, cancellationToken, "the url", StreamAddress.MaxLength);
                        break;
                    case "speed" when speed is not null:
                        throw new InvalidInputException("The speed is given twice (in the query and in the form); give it once.");
                    case "speed":
                        speed = AnalysisSpeed.Parse(await ReadFieldAsync(section, cancellationToken, "the speed"));
                        break;
                }
            }
            if (video is not null && url is not null)
            {
                throw new InvalidInputException("The upload has both a video file and a url; send one: the file field 'video' or the text field 'url' of a live camera.");
            }
            if (video is null && url is null)
            {
                throw new InvalidInputException("The video is missing: send the camera video as the multipart file field 'video', or a live camera's address as the field 'url'.");
            }
            if (mask is null) throw new InvalidInputException("The mask is missing: send the mask image (white spots on black) as the multipart file field 'mask'.");
            if (url is not null && speed is not null)
            {
                throw new InvalidInputException("A live camera sets its own pace: leave out the speed when sending a url.");
            }
            var created = url is not null
                ? await registry.CreateLiveAsync(url, mask, name, cancellationToken)
                : await registry.CreateAsync(video!, mask, name, speed, cancellationToken);
            (video, mask) = (null, null);
            return created;
        }
        finally
        {
            if (video is not null) uploads.Delete(video);
            if (mask is not null) uploads.Delete(mask);
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
