using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace AmduatFs.Store.Files;

/// <summary>
/// Positional reads of small extents that bring their neighbourhood into the page cache on a miss. A block holds
/// the chunks of files stored together (one directory's small files lie within a megabyte or two), but in the
/// order concurrent ingest finished them, so a tree walk (cp -a, rsync, tar) reads them out of order and the
/// kernel's readahead, which follows sequential reads only, never starts: every small file would cost a disk
/// read. A read first asks the page cache alone (preadv2 with RWF_NOWAIT); only when that would block does it
/// read normally and then ask for the window around the extent (posix_fadvise WILLNEED, which does not wait),
/// so the neighbours arrive with one request. Hits cost no extra system call.
/// </summary>
internal static unsafe partial class WindowedRead
{
    /// <summary>The window requested on a miss: this much before the extent and <see cref="WindowAfter"/> after it.</summary>
    public const int WindowBefore = 512 * 1024;
    public const int WindowAfter = 1024 * 1024;

    private const int RWF_NOWAIT = 0x8;
    private const int POSIX_FADV_WILLNEED = 3;
    private const int EAGAIN = 11;
    private const long PageMask = ~4095L;

    /// <summary>Reads until <paramref name="destination"/> is full or the file ends; returns the bytes read.</summary>
    public static int ReadAt(SafeFileHandle file, Span<byte> destination, long offset)
    {
        int cached = ReadCached(file, destination, offset);
        if (cached == destination.Length) return cached;
        int done = Math.Max(cached, 0);
        int total = done + PositionalRead.ReadAt(file, destination[done..], offset + done);
        if (cached >= 0)
        {
            long start = Math.Max(0, offset - WindowBefore) & PageMask;
            Advise(file, start, offset + destination.Length + WindowAfter - start);
        }
        return total;
    }

    /// <summary>Bytes available from the page cache without waiting (0 on a miss), or -1 when the file system cannot tell.</summary>
    private static int ReadCached(SafeFileHandle file, Span<byte> destination, long offset)
    {
        bool added = false;
        try
        {
            file.DangerousAddRef(ref added);
            fixed (byte* p = destination)
            {
                var vector = new IoVector { Base = p, Length = (nuint)destination.Length };
                nint read = PReadV2((int)file.DangerousGetHandle(), &vector, 1, offset, RWF_NOWAIT);
                if (read >= 0) return (int)read;
                return Marshal.GetLastPInvokeError() == EAGAIN ? 0 : -1;
            }
        }
        finally
        {
            if (added) file.DangerousRelease();
        }
    }

    private static void Advise(SafeFileHandle file, long offset, long length)
    {
        bool added = false;
        try
        {
            file.DangerousAddRef(ref added);
            PosixFadvise((int)file.DangerousGetHandle(), offset, length, POSIX_FADV_WILLNEED);
        }
        finally
        {
            if (added) file.DangerousRelease();
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVector
    {
        public byte* Base;
        public nuint Length;
    }

    [LibraryImport("libc.so.6", EntryPoint = "preadv2", SetLastError = true)]
    private static partial nint PReadV2(int fd, IoVector* vectors, int count, long offset, int flags);

    [LibraryImport("libc.so.6", EntryPoint = "posix_fadvise")]
    private static partial int PosixFadvise(int fd, long offset, long length, int advice);
}
