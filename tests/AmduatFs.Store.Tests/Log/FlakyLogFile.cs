using AmduatFs.Store.Log;
using Microsoft.Win32.SafeHandles;

namespace AmduatFs.Store.Tests.Log;

/// <summary>A real log file whose next write, flush or truncation can be made to fail, after optionally writing part of the bytes.</summary>
internal sealed class FlakyLogFile(SafeFileHandle handle) : ILogFile
{
    private readonly RandomAccessLogFile _file = new(handle);

    /// <summary>When set, the next write stores only this many of its bytes and then throws.</summary>
    public int? FailWriteAfter { get; set; }
    public bool FailFlush { get; set; }
    public bool FailSetLength { get; set; }

    public long Length => _file.Length;

    public void Write(ReadOnlySpan<byte> bytes, long offset)
    {
        if (FailWriteAfter is int kept)
        {
            _file.Write(bytes[..kept], offset);
            throw new IOException("simulated write failure (ENOSPC)");
        }
        _file.Write(bytes, offset);
    }

    public void Flush()
    {
        if (FailFlush) throw new IOException("simulated fsync failure (EIO)");
        _file.Flush();
    }

    public void SetLength(long length)
    {
        if (FailSetLength) throw new IOException("simulated truncate failure");
        _file.SetLength(length);
    }

    public void Dispose() => _file.Dispose();

    public static (LogWriter Writer, FlakyLogFile File) Open(string path, LogPosition validEnd)
    {
        var file = new FlakyLogFile(File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read));
        return (LogWriter.Open(file, Path.GetFullPath(path), validEnd), file);
    }
}
