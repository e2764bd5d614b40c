using Mono.Unix.Native;

namespace AmduatFs.Namespace.Posix;

/// <summary>The fields of <c>struct stat</c> a tree entry keeps, plus what change detection needs.</summary>
internal readonly record struct FileStatus(
    EntryKind? Kind,
    FilePermissions Type,
    uint Mode,
    uint Uid,
    uint Gid,
    long MtimeNanoseconds,
    long CtimeNanoseconds,
    long Size,
    ulong Device,
    ulong Inode)
{
    private const long NanosecondsPerSecond = 1_000_000_000;

    /// <exception cref="IOException">a time outside the years 1678..2261 that i64 nanoseconds can hold.</exception>
    public static FileStatus From(in Stat stat, string nativePath)
    {
        var type = stat.st_mode & FilePermissions.S_IFMT;
        EntryKind? kind = type switch
        {
            FilePermissions.S_IFREG => EntryKind.File,
            FilePermissions.S_IFDIR => EntryKind.Directory,
            FilePermissions.S_IFLNK => EntryKind.Symlink,
            _ => null,
        };
        return new FileStatus(
            kind,
            type,
            (uint)stat.st_mode & TreeLayout.PermissionBits,
            stat.st_uid,
            stat.st_gid,
            Nanoseconds(stat.st_mtime, stat.st_mtime_nsec, nativePath),
            Nanoseconds(stat.st_ctime, stat.st_ctime_nsec, nativePath),
            stat.st_size,
            stat.st_dev,
            stat.st_ino);
    }

    public static Timespec ToTimespec(long nanoseconds)
    {
        long seconds = Math.DivRem(nanoseconds, NanosecondsPerSecond, out long remainder);
        if (remainder < 0)
        {
            seconds--;
            remainder += NanosecondsPerSecond;
        }
        return new Timespec { tv_sec = seconds, tv_nsec = remainder };
    }

    private static long Nanoseconds(long seconds, long nanoseconds, string nativePath)
    {
        try
        {
            return checked(seconds * NanosecondsPerSecond + nanoseconds);
        }
        catch (OverflowException)
        {
            throw new IOException($"'{PosixNames.Display(nativePath)}' has a time of {seconds} s since 1970, outside what a tree entry can hold (years 1678..2261)");
        }
    }
}
