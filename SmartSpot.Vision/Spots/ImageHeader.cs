using System.Buffers.Binary;

namespace SmartSpot.Vision.Spots;

/// <summary>Size of a PNG, JPEG or BMP read from its header, without decoding the pixels.</summary>
public sealed record ImageHeader(string Format, int Width, int Height)
{
    public long Pixels => (long)Width * Height;

    /// <summary>Reads the header; throws <see cref="InvalidInputException"/> for anything not a whole PNG, JPEG or BMP.</summary>
    public static ImageHeader Read(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            var head = new byte[(int)Math.Min(file.Length, HeadBytes)];
            file.ReadExactly(head);
            var tail = new byte[(int)Math.Min(file.Length, TailBytes)];
            file.Seek(-tail.Length, SeekOrigin.End);
            file.ReadExactly(tail);
            return Parse(head, tail, path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"The mask '{path}' cannot be read: {error.Message}", error);
        }
    }

    /// <summary>Parses the first bytes of an image (the header) and its last bytes (to see that it is complete).</summary>
    public static ImageHeader Parse(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail, string name)
    {
        if (head.Length == 0)
        {
            throw new InvalidInputException($"The mask '{name}' is empty (0 bytes). Upload the mask image again.");
        }
        var header = head.StartsWith(Png) ? ParsePng(head, tail, name)
            : head.StartsWith(Jpeg) ? ParseJpeg(head, tail, name)
            : head.StartsWith("BM"u8) && head.Length >= 26 ? ParseBmp(head)
            : throw new InvalidInputException($"The mask '{name}' is not a PNG, JPEG or BMP image. Save the mask as PNG (white spots on black).");
        if (header.Width <= 0 || header.Height <= 0)
        {
            throw new InvalidInputException($"The mask '{name}' declares an invalid size {header.Width}x{header.Height}. Save the mask again.");
        }
        return header;
    }

    private const int HeadBytes = 256 * 1024;
    private const int TailBytes = 16;

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8];

    private static ImageHeader ParsePng(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> tail, string name)
    {
        if (bytes.Length < 24 || !bytes.Slice(12, 4).SequenceEqual("IHDR"u8) || !tail.EndsWith(PngEnd))
        {
            throw Truncated(name);
        }
        return new ImageHeader("PNG", BinaryPrimitives.ReadInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadInt32BigEndian(bytes[20..]));
    }

    private static ReadOnlySpan<byte> PngEnd => [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    private static ImageHeader ParseJpeg(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> tail, string name)
    {
        if (!tail.TrimEnd((byte)0).EndsWith((ReadOnlySpan<byte>)[0xFF, 0xD9]))
        {
            throw Truncated(name);
        }
        var position = 2;
        while (position + 9 < bytes.Length)
        {
            if (bytes[position] != 0xFF)
            {
                break;
            }
            var marker = bytes[position + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(position + 2)..]);
            var isStartOfFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isStartOfFrame)
            {
                return new ImageHeader("JPEG", BinaryPrimitives.ReadUInt16BigEndian(bytes[(position + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(position + 5)..]));
            }
            position += 2 + length;
        }
        throw Truncated(name);
    }

    private static ImageHeader ParseBmp(ReadOnlySpan<byte> bytes) =>
        new("BMP", BinaryPrimitives.ReadInt32LittleEndian(bytes[18..]), Math.Abs(BinaryPrimitives.ReadInt32LittleEndian(bytes[22..])));

    private static InvalidInputException Truncated(string name) =>
        new($"The mask '{name}' is truncated or damaged. Upload the complete image again.");
}
