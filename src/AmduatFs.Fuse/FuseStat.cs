using System.Runtime.InteropServices;

namespace AmduatFs.Fuse;

/// <summary>A timestamp as in glibc's <c>struct timespec</c> (x86-64).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct FuseTimespec
{
    public long Seconds;
    public long Nanoseconds;

    public FuseTimespec(long seconds, long nanoseconds)
    {
        Seconds = seconds;
        Nanoseconds = nanoseconds;
    }

    public static FuseTimespec FromUnixNanoseconds(long nanoseconds)
    {
        long seconds = Math.DivRem(nanoseconds, 1_000_000_000L, out long rest);
        return rest < 0 ? new(seconds - 1, rest + 1_000_000_000L) : new(seconds, rest);
    }

    public readonly long ToUnixNanoseconds() => Seconds * 1_000_000_000L + Nanoseconds;

    public override readonly string ToString() => $"{Seconds}.{Nanoseconds:D9}";
}

/// <summary>
/// Exactly glibc's x86-64 <c>struct stat</c> (144 bytes), so it is handed to libfuse by pointer without copying.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 144)]
public struct FuseStat
{
    [FieldOffset(0)] public ulong Dev;
    [FieldOffset(8)] public ulong Ino;
    [FieldOffset(16)] public ulong Nlink;
    [FieldOffset(24)] public uint Mode;
    [FieldOffset(28)] public uint Uid;
    [FieldOffset(32)] public uint Gid;
    [FieldOffset(40)] public ulong Rdev;
    [FieldOffset(48)] public long Size;
    [FieldOffset(56)] public long Blksize;
    [FieldOffset(64)] public long Blocks;
    [FieldOffset(72)] public FuseTimespec Atime;
    [FieldOffset(88)] public FuseTimespec Mtime;
    [FieldOffset(104)] public FuseTimespec Ctime;
}
