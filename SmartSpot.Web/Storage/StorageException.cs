namespace SmartSpot.Web.Storage;

/// <summary>The data directory cannot take a write (full, read-only, not permitted); the message says what to do and names no server path.</summary>
/// <param name="IsFull">True when the disk is full (507 Insufficient Storage), false when it cannot be written (503).</param>
public sealed class StorageException(string message, bool isFull, Exception inner) : Exception(message, inner)
{
    public bool IsFull { get; } = isFull;

    /// <summary>The operator's reading of a failed write to the data directory; null when <paramref name="error"/> is not one.</summary>
    public static StorageException? From(Exception error) => error switch
    {
        IOException when IsDiskFull(error) => new StorageException(
            "The server's data directory is full, so the file could not be stored. Free some space (or ask the administrator to), then try again.", true, error),
        UnauthorizedAccessException or IOException when IsReadOnly(error) => new StorageException(
            "The server's data directory cannot be written to (read-only or not permitted). Ask the administrator to make it writable (SmartSpot:DataDirectory), then try again.", false, error),
        _ => null,
    };

    // errno ENOSPC (28) and EDQUOT (122) on Linux; ERROR_DISK_FULL/HANDLE_DISK_FULL on Windows.
    private static bool IsDiskFull(Exception error) => (error.HResult & 0xFFFF) is 28 or 122 or 39 or 112;

    // errno EROFS (30) and EACCES (13).
    private static bool IsReadOnly(Exception error) => error is UnauthorizedAccessException || (error.HResult & 0xFFFF) is 30 or 13;
}
