using System.Runtime.InteropServices;

namespace AmduatFs.Fuse.Native;

// libfuse 3.14 / glibc x86-64 layouts; offsets from /work/shared/design/fuse-from-dotnet.md section 3.

/// <summary><c>struct fuse_file_info</c> (40 bytes).</summary>
[StructLayout(LayoutKind.Explicit, Size = 40)]
internal struct FuseFileInfo
{
    [FieldOffset(0)] public int Flags;
    [FieldOffset(4)] public uint Bits;
    [FieldOffset(16)] public ulong Fh;
    [FieldOffset(24)] public ulong LockOwner;

    public const uint DirectIo = 0x2;
    public const uint KeepCache = 0x4;
    public const uint NonSeekable = 0x10;
    public const uint CacheReaddir = 0x40;
    public const uint NoFlush = 0x80;
}

/// <summary><c>struct statvfs</c> (112 bytes).</summary>
[StructLayout(LayoutKind.Explicit, Size = 112)]
internal struct StatVfs
{
    [FieldOffset(0)] public ulong Bsize;
    [FieldOffset(8)] public ulong Frsize;
    [FieldOffset(16)] public ulong Blocks;
    [FieldOffset(24)] public ulong Bfree;
    [FieldOffset(32)] public ulong Bavail;
    [FieldOffset(40)] public ulong Files;
    [FieldOffset(48)] public ulong Ffree;
    [FieldOffset(56)] public ulong Favail;
    [FieldOffset(64)] public ulong Fsid;
    [FieldOffset(72)] public ulong Flag;
    [FieldOffset(80)] public ulong Namemax;
}

/// <summary><c>struct fuse_conn_info</c> (128 bytes; the tail is reserved).</summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
internal struct FuseConnInfo
{
    [FieldOffset(0)] public uint ProtoMajor;
    [FieldOffset(4)] public uint ProtoMinor;
    [FieldOffset(8)] public uint MaxWrite;
    [FieldOffset(12)] public uint MaxRead;
    [FieldOffset(16)] public uint MaxReadahead;
    [FieldOffset(20)] public uint Capable;
    [FieldOffset(24)] public uint Want;
    [FieldOffset(28)] public uint MaxBackground;
    [FieldOffset(32)] public uint CongestionThreshold;
    [FieldOffset(36)] public uint TimeGran;
}

/// <summary><c>struct fuse_args</c> (24 bytes).</summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
internal unsafe struct FuseArgs
{
    [FieldOffset(0)] public int Argc;
    [FieldOffset(8)] public byte** Argv;
    [FieldOffset(16)] public int Allocated;
}

/// <summary><c>struct fuse_ctx</c> (16 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct FuseCtx
{
    public uint Uid;
    public uint Gid;
    public int Pid;
    public uint Umask;
}

/// <summary><c>struct fuse_forget_data</c> (16 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct FuseForgetData
{
    public ulong Ino;
    public ulong Nlookup;
}

/// <summary><c>struct fuse_buf</c> (40 bytes), memory-backed only here.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FuseBuf
{
    public nuint Size;
    public int Flags;
    public void* Mem;
    public int Fd;
    public long Pos;
}

/// <summary><c>struct fuse_bufvec</c> with one buffer (64 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct FuseBufVec
{
    public nuint Count;
    public nuint Index;
    public nuint Offset;
    public FuseBuf Buffer;
}

/// <summary>Slot indexes in <c>struct fuse_lowlevel_ops</c> (44 function pointers, 352 bytes).</summary>
internal static class LowlevelOpSlot
{
    public const int Count = 44;
    public const int Init = 0, Destroy = 1, Lookup = 2, Forget = 3, GetAttr = 4, SetAttr = 5, ReadLink = 6, MkNod = 7,
        MkDir = 8, Unlink = 9, RmDir = 10, Symlink = 11, Rename = 12, Link = 13, Open = 14, Read = 15, Write = 16,
        Flush = 17, Release = 18, Fsync = 19, OpenDir = 20, ReadDir = 21, ReleaseDir = 22, FsyncDir = 23, StatFs = 24,
        SetXattr = 25, GetXattr = 26, ListXattr = 27, RemoveXattr = 28, Access = 29, Create = 30, ForgetMulti = 38,
        Fallocate = 40, ReadDirPlus = 41, Lseek = 43;
}
