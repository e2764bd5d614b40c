using System.Runtime.InteropServices;
using System.Text;

namespace AmduatFs.Fuse.Tests;

/// <summary>The libc calls the tests drive a mount with, each returning 0 or a positive errno.</summary>
internal static unsafe partial class Posix
{
    private const string Libc = "libc.so.6";

    public static int Lstat(string path, out FuseStat stat)
    {
        fixed (FuseStat* p = &stat) return Result(lstat(path, p));
    }

    public static int Stat(string path, out FuseStat stat)
    {
        fixed (FuseStat* p = &stat) return Result(stat_(path, p));
    }

    public static int Link(string existing, string newPath) => Result(link(existing, newPath));

    public static int StatVfs(string path, out ulong[] fields)
    {
        var buffer = new ulong[14];
        fixed (ulong* p = buffer) { int r = Result(statvfs(path, p)); fields = buffer[..11]; return r; }
    }

    public static int SetXattr(string path, string name, byte[] value, int flags)
    {
        fixed (byte* v = value) return Result(setxattr(path, name, v, (nuint)value.Length, flags));
    }

    /// <summary>getxattr with a buffer of <paramref name="size"/> bytes (0 = size probe); returns errno, sets the length.</summary>
    public static int GetXattr(string path, string name, int size, out byte[] value, out long length)
    {
        value = new byte[size];
        fixed (byte* v = value) length = (long)getxattr(path, name, size == 0 ? null : v, (nuint)size);
        if (length < 0) return Marshal.GetLastPInvokeError();
        value = value[..(int)Math.Min(length, size)];
        return 0;
    }

    public static int ListXattr(string path, int size, out string[] names, out long length)
    {
        var buffer = new byte[size];
        fixed (byte* v = buffer) length = (long)listxattr(path, size == 0 ? null : v, (nuint)size);
        names = [];
        if (length < 0) return Marshal.GetLastPInvokeError();
        if (size > 0) names = Encoding.UTF8.GetString(buffer, 0, (int)length).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        return 0;
    }

    public static int RemoveXattr(string path, string name) => Result(removexattr(path, name));

    public static int Kill(int pid, int signal) => Result(kill(pid, signal));

    private static int Result(int r) => r == 0 ? 0 : Marshal.GetLastPInvokeError();

    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int lstat(string path, FuseStat* stat);

    [LibraryImport(Libc, EntryPoint = "stat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int stat_(string path, FuseStat* stat);

    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int link(string existing, string newPath);

    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statvfs(string path, ulong* buffer);

    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setxattr(string path, string name, byte* value, nuint size, int flags);

    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint getxattr(string path, string name, byte* value, nuint size);

    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint listxattr(string path, byte* list, nuint size);

    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int removexattr(string path, string name);

    [LibraryImport(Libc, SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
