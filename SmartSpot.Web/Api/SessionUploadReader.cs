using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SmartSpot.Vision;
using SmartSpot.Web.Services;

namespace SmartSpot.Web.Api;

/// <summary>Streams a multipart upload (video, mask, optional name and speed) straight into the <see cref="UploadStore"/>, no buffering.</summary>
internal static class SessionUploadReader
{
    private const int FieldLimit = 1024;

    public static async Task<AnalysisSession> CreateSessionAsync(
        HttpRequest request, UploadStore uploads, SessionRegistry registry, CancellationToken cancellationToken)
    {
        var limits = uploads.Limits;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limits.MaxVideoBytes + limits.MaxMaskBytes + 1024 * 1024;
        }
        var boundary = Boundary(request);
        var reader = new MultipartReader(boundary, request.Body)
        {
            // Above the UploadStore limits, so that the store refuses first and names the limit and the file.
            BodyLengthLimit = Math.Max(limits.MaxVideoBytes, limits.MaxMaskBytes) + 64 * 1024,
        };
        StoredUpload? video = null, mask = null;
        string? name = null, speed = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
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
                        name = await ReadFieldAsync(section, cancellationToken);
                        break;
                    case "speed":
                        speed = await ReadFieldAsync(section, cancellationToken);
                        break;
                }
            }
            if (video is null) throw new InvalidInputException("The video is missing: send the camera video as the multipart file field 'video'.");
            if (mask is null) throw new InvalidInputException("The mask is missing: send the mask image (white spots on black) as the multipart file field 'mask'.");
            var created = await registry.CreateAsync(video, mask, name, AnalysisSpeed.Parse(speed), cancellationToken);
            (video, mask) = (null, null);
            return created;
        }
        catch (InvalidDataException malformed)
        {
            throw new InvalidInputException($"The upload is not a well-formed multipart form ({malformed.Message}). Send it as multipart/form-data.", malformed);
        }
        finally
        {
            if (video is not null) uploads.Delete(video);
            if (mask is not null) uploads.Delete(mask);
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
        throw new InvalidInputException("Send the files as multipart/form-data with the file fields 'video' and 'mask' (and optionally 'name').");
    }

    private static async Task<string> ReadFieldAsync(MultipartSection section, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(section.Body);
        var buffer = new char[FieldLimit + 1];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        if (read > FieldLimit) throw new InvalidInputException($"A form field is longer than {FieldLimit} characters; shorten the name.");
        return new string(buffer, 0, read);
    }

}
