using AmduatFs.Core;
using AmduatFs.Mount.Nodes;
using AmduatFs.Mount.Trees;

namespace AmduatFs.Mount.Staging;

/// <summary>One open(2) of a staging file.</summary>
internal sealed class StagingFileHandle(StagingFile file, bool writable) : OpenFile
{
    private readonly object _gate = new();
    private ArtifactOpenFile? _sealed;
    private Reference? _sealedRef;

    public override int Read(long offset, Span<byte> buffer, out int bytesRead) => file.Read(this, offset, buffer, out bytesRead);

    public int ReadSealed(Reference content, long offset, Span<byte> buffer, out int bytesRead)
    {
        ArtifactOpenFile reader;
        lock (_gate)
        {
            if (_sealed is null || _sealedRef != content)
            {
                _sealed?.Release();
                _sealed = new ArtifactOpenFile(file.SessionView, content, file.SessionLogger);
                _sealedRef = content;
            }
            reader = _sealed;
        }
        return reader.Read(offset, buffer, out bytesRead);
    }

    public override int Write(long offset, ReadOnlySpan<byte> data, out int bytesWritten)
    {
        if (!writable)
        {
            bytesWritten = 0;
            return Fuse.Errno.EBADF;
        }
        return file.Write(offset, data, out bytesWritten);
    }

    public override int Flush()
    {
        file.Flushed(writable);
        return 0;
    }

    public override int Fsync() => file.Fsync();

    public override void Release()
    {
        lock (_gate) _sealed?.Release();
        file.Released(writable);
    }
}
