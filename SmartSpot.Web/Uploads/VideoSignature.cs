namespace SmartSpot.Web.Uploads;

/// <summary>Checks that a file's first bytes are the container its extension claims, so a picture renamed .mp4 is refused before it is analysed.</summary>
public static class VideoSignature
{
    /// <summary>Bytes needed to decide.</summary>
    public const int HeadLength = 12;

    /// <summary>True when <paramref name="head"/> starts like a file of <paramref name="extension"/>; extensions it has no signature for pass.</summary>
    public static bool Matches(string extension, ReadOnlySpan<byte> head) => extension switch
    {
        // ISO base media (MP4, MOV): a box size, then "ftyp" (or an older QuickTime atom).
        ".mp4" or ".mov" or ".m4v" => head.Length >= 8 && (head[4..8].SequenceEqual("ftyp"u8) || head[4..8].SequenceEqual("moov"u8)
            || head[4..8].SequenceEqual("mdat"u8) || head[4..8].SequenceEqual("wide"u8) || head[4..8].SequenceEqual("free"u8)),
        ".avi" => head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("AVI "u8),
        // Matroska and WebM: the EBML magic.
        ".mkv" or ".webm" => head.Length >= 4 && head[..4].SequenceEqual((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]),
        _ => true,
    };

    /// <summary>What the file looks like instead, for the message: "a PNG image".</summary>
    public static string Describe(ReadOnlySpan<byte> head) => head switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "a PNG image",
        [0xFF, 0xD8, ..] => "a JPEG image",
        [(byte)'B', (byte)'M', ..] => "a BMP image",
        [(byte)'G', (byte)'I', (byte)'F', ..] => "a GIF image",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => "a PDF document",
        [(byte)'P', (byte)'K', ..] => "a ZIP archive",
        _ => "not a video",
    };
}
