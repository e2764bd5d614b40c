using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;

namespace AmduatFs.Mount.Virtual;

/// <summary>A small read-only file whose text the mount computes.</summary>
internal sealed class TextFileNode(ulong ino, long mtimeNanoseconds, byte[] content) : Node
{
    public override ulong Ino { get; } = ino;

    public override FuseStat Stat() => FileModes.Make(Ino, FileModes.Regular | 0x124, ProcessOwner.Uid, ProcessOwner.Gid, content.Length, mtimeNanoseconds);

    public override int Open(int flags, out OpenFile? handle, out bool keepCache)
    {
        keepCache = false;
        handle = FileModes.IsWriteAccess(flags) ? null : new BytesOpenFile(content);
        return handle is null ? Errno.EROFS : 0;
    }

    private sealed class BytesOpenFile(byte[] content) : OpenFile
    {
        public override int Read(long offset, Span<byte> buffer, out int bytesRead)
        {
            bytesRead = offset >= content.Length ? 0 : Math.Min(buffer.Length, content.Length - (int)offset);
            if (bytesRead > 0) content.AsSpan((int)offset, bytesRead).CopyTo(buffer);
            return 0;
        }
    }
}
