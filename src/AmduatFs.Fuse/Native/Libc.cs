using System.Runtime.InteropServices;

namespace AmduatFs.Fuse.Native;

internal static unsafe partial class Libc
{
    private const string Library = "libc.so.6";

    public const int O_RDWR = 2;
    public const int O_CLOEXEC = 0x80000;
    public const int MNT_DETACH = 2;

    [LibraryImport(Library, EntryPoint = "dlvsym")]
    public static partial nint DlVSym(nint handle, byte* symbol, byte* version);

    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "close")]
    public static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Umount2(string target, int flags);

    [LibraryImport(Library, EntryPoint = "geteuid")]
    public static partial uint GetEuid();

    [LibraryImport(Library, EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial byte* RealPath(string path, byte* resolved);

    [LibraryImport(Library, EntryPoint = "free")]
    public static partial void Free(void* pointer);

    /// <summary>realpath(3); null when the path cannot be resolved.</summary>
    public static string? TryRealPath(string path)
    {
        byte* resolved = RealPath(path, null);
        if (resolved == null) return null;
        try { return Marshal.PtrToStringUTF8((nint)resolved); }
        finally { Free(resolved); }
    }

    public static string Describe(int errno) => $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";
}
