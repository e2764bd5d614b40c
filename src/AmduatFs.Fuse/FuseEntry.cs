using System.Runtime.InteropServices;

namespace AmduatFs.Fuse;

/// <summary>
/// An answer to lookup/mknod/mkdir/symlink/link/create, laid out as libfuse's <c>struct fuse_entry_param</c> (176 bytes).
/// A successful lookup with <see cref="NodeId"/> = 0 and <see cref="EntryTimeout"/> &gt; 0 is a negative entry:
/// the kernel caches "no such name" for that long.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct FuseEntry
{
    public ulong NodeId;
    public ulong Generation;
    public FuseStat Attr;
    public double AttrTimeout;
    public double EntryTimeout;
}

/// <summary>Who made a request (from <c>fuse_req_ctx</c>).</summary>
public readonly record struct FuseCaller(uint Uid, uint Gid, int Pid, uint Umask);

/// <summary>Filesystem statistics (the fields of <c>struct statvfs</c>).</summary>
public struct FuseStatFs
{
    public ulong BlockSize, FragmentSize, Blocks, BlocksFree, BlocksAvailable, Files, FilesFree, FilesAvailable, FsId, Flags, NameMax;
}
