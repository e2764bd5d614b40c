using AmduatFs.Fuse;

namespace AmduatFs.Mount.Nodes;

/// <summary>File type bits of st_mode and the stat every node builds from its own fields.</summary>
internal static class FileModes
{
    public const uint TypeMask = 0xF000;
    public const uint Directory = 0x4000;
    public const uint Regular = 0x8000;
    public const uint Symlink = 0xA000;
    public const uint PermissionMask = 0xFFF;

    /// <summary>I/O size reported in st_blksize: tools like cp size their buffers by it.</summary>
    public const long PreferredIoSize = 1 << 20;

    public static FuseStat Make(ulong ino, uint mode, uint uid, uint gid, long size, long mtimeNanoseconds, long? ctimeNanoseconds = null)
    {
        var mtime = FuseTimespec.FromUnixNanoseconds(mtimeNanoseconds);
        return new FuseStat
        {
            Ino = ino,
            Mode = mode,
            Nlink = 1,
            Uid = uid,
            Gid = gid,
            Size = size,
            Blksize = PreferredIoSize,
            Blocks = (size + 511) / 512,
            Atime = mtime,
            Mtime = mtime,
            Ctime = ctimeNanoseconds is long ctime ? FuseTimespec.FromUnixNanoseconds(ctime) : mtime,
        };
    }

    public static bool IsWriteAccess(int openFlags) => (openFlags & 3) != 0;
}
