using AmduatFs.Fuse;

namespace AmduatFs.Mount.Nodes;

/// <summary>The state behind one open(2) of a file: what reads, writes and close do.</summary>
internal abstract class OpenFile
{
    public abstract int Read(long offset, Span<byte> buffer, out int bytesRead);

    public virtual int Write(long offset, ReadOnlySpan<byte> data, out int bytesWritten)
    {
        bytesWritten = 0;
        return Errno.EBADF;
    }

    public virtual int Flush() => 0;
    public virtual int Fsync() => 0;
    public virtual void Release() { }
}
