using Microsoft.Win32.SafeHandles;

namespace AmduatFs.Store.Log;

/// <summary>The file operations <see cref="LogWriter"/> needs; a seam so tests can fail a write or a flush.</summary>
internal interface ILogFile : IDisposable
{
    long Length { get; }
    void Write(ReadOnlySpan<byte> bytes, long offset);

    /// <summary>Makes written bytes and the file's length durable (fsync).</summary>
    void Flush();

    void SetLength(long length);
}

internal sealed class RandomAccessLogFile(SafeFileHandle handle) : ILogFile
{
    public long Length => RandomAccess.GetLength(handle);
    public void Write(ReadOnlySpan<byte> bytes, long offset) => RandomAccess.Write(handle, bytes, offset);
    public void Flush() => RandomAccess.FlushToDisk(handle);
    public void SetLength(long length) => RandomAccess.SetLength(handle, length);
    public void Dispose() => handle.Dispose();
}
