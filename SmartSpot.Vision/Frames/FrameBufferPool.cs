namespace SmartSpot.Vision.Frames;

/// <summary>
/// Reuses the pixel buffers of one frame size, so a run allocates a handful of them, not one per frame. Buffers live
/// on the pinned object heap: OpenCV can wrap them in place, and one a consumer forgets is still collected.
/// </summary>
internal sealed class FrameBufferPool(int bufferLength, int maxIdle)
{
    private readonly Lock _lock = new();
    private readonly Stack<byte[]> _idle = new();
    private int _rented;

    public int BufferLength { get; } = bufferLength;

    /// <summary>Buffers handed out and not yet returned: 0 once every frame of a run is disposed.</summary>
    public int Rented
    {
        get { lock (_lock) return _rented; }
    }

    public byte[] Rent()
    {
        lock (_lock)
        {
            _rented++;
            if (_idle.TryPop(out var buffer)) return buffer;
        }
        return GC.AllocateUninitializedArray<byte>(BufferLength, pinned: true);
    }

    public void Return(byte[] buffer)
    {
        lock (_lock)
        {
            _rented--;
            if (_idle.Count < maxIdle) _idle.Push(buffer);
        }
    }
}
