using System.Runtime.InteropServices;
using OpenCvSharp;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Frames;

/// <summary>One decoded picture with its place in the video; owns its pixels (often a pooled buffer): dispose it.</summary>
public sealed class Frame : IDisposable
{
    private readonly FrameBufferPool? _pool;
    private byte[]? _pixels;

    internal Frame(byte[] pixels, FrameBufferPool? pool, PixelSize size, FramePixelFormat format, int index, TimeSpan timestamp, bool followsGap = false)
    {
        if (format == FramePixelFormat.Yuv420p && (size.Width % 2 != 0 || size.Height % 2 != 0))
        {
            throw new ArgumentException($"A yuv420p frame has an even width and height, not {size}.", nameof(size));
        }
        if (pixels.Length < LengthOf(size, format))
        {
            throw new ArgumentException($"{pixels.Length} bytes cannot hold a {size} {format} frame.", nameof(pixels));
        }
        (_pixels, _pool, Size, Format, Index, Timestamp, FollowsGap) = (pixels, pool, size, format, index, timestamp, followsGap);
    }

    public PixelSize Size { get; }

    public FramePixelFormat Format { get; }

    /// <summary>Zero-based frame number: in the video for files, in the order received for live streams.</summary>
    public int Index { get; }

    /// <summary>Video time for files; for live streams, wall-clock time since the stream's first frame (gaps show as jumps).</summary>
    public TimeSpan Timestamp { get; }

    /// <summary>Frames were lost just before this one: a live stream dropped or stalled and was reconnected.</summary>
    public bool FollowsGap { get; }

    /// <summary>The bytes of the picture, laid out as <see cref="Format"/> says.</summary>
    public ReadOnlySpan<byte> Pixels => Buffer.AsSpan(0, LengthOf(Size, Format));

    /// <summary>The luma plane of a yuv420p frame: <see cref="Size"/>.Height rows of Width bytes.</summary>
    public ReadOnlySpan<byte> Luma => Format == FramePixelFormat.Yuv420p
        ? Buffer.AsSpan(0, Size.Width * Size.Height)
        : throw new InvalidOperationException($"A {Format} frame has no luma plane; video frames are {FramePixelFormat.Yuv420p}.");

    /// <summary>Bytes a frame of this size and format takes.</summary>
    public static int LengthOf(PixelSize size, FramePixelFormat format) => format switch
    {
        FramePixelFormat.Yuv420p => checked(size.Width * size.Height * 3 / 2),
        FramePixelFormat.Bgr24 => checked(size.Width * size.Height * 3),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>A copy that owns its pixels, to keep after the pipeline has moved on.</summary>
    public Frame Copy()
    {
        var pixels = GC.AllocateUninitializedArray<byte>(LengthOf(Size, Format), pinned: true);
        Pixels.CopyTo(pixels);
        return new Frame(pixels, pool: null, Size, Format, Index, Timestamp, FollowsGap);
    }

    /// <summary>A frame holding a copy of a BGR picture (8-bit, 3 channels).</summary>
    public static Frame FromBgr(Mat bgr, int index = 0, TimeSpan timestamp = default)
    {
        if (bgr.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException($"Expected an 8-bit BGR picture, got {bgr.Type()}.", nameof(bgr));
        }
        var size = new PixelSize(bgr.Width, bgr.Height);
        var pixels = GC.AllocateUninitializedArray<byte>(LengthOf(size, FramePixelFormat.Bgr24), pinned: true);
        using (var target = Mat.FromPixelData(size.Height, size.Width, MatType.CV_8UC3, AddressOf(pixels)))
        {
            bgr.CopyTo(target);
        }
        return new Frame(pixels, pool: null, size, FramePixelFormat.Bgr24, index, timestamp);
    }

    /// <summary>
    /// An OpenCV header over the pixels, no copy: yuv420p as one (H*3/2) x W single-channel image (OpenCV's I420),
    /// BGR as H x W x 3. Dispose it before the frame.
    /// </summary>
    internal Mat AsMat() => Format == FramePixelFormat.Yuv420p
        ? Mat.FromPixelData(Size.Height * 3 / 2, Size.Width, MatType.CV_8UC1, AddressOf(Buffer))
        : Mat.FromPixelData(Size.Height, Size.Width, MatType.CV_8UC3, AddressOf(Buffer));

    public void Dispose()
    {
        var pixels = Interlocked.Exchange(ref _pixels, null);
        if (pixels is not null) _pool?.Return(pixels);
    }

    private byte[] Buffer => _pixels ?? throw new ObjectDisposedException(nameof(Frame), $"Frame {Index} was disposed; copy a frame (Copy) to keep it.");

    /// <summary>The address of a buffer allocated on the pinned object heap (it never moves).</summary>
    private static IntPtr AddressOf(byte[] pinned) => Marshal.UnsafeAddrOfPinnedArrayElement(pinned, 0);
}
