using SmartSpot.Vision;

namespace SmartSpot.Web.Api;

/// <summary>Reads a small upload (a lot file, a mask) into memory, refusing it as soon as it passes its limit.</summary>
internal static class BoundedRead
{
    /// <param name="tooLarge">The refusal when the content passes <paramref name="limit"/> bytes.</param>
    public static async Task<byte[]> AllAsync(Stream content, long limit, string tooLarge, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit) throw new InvalidInputException(tooLarge);
        }
        return buffer.ToArray();
    }
}
