using System.Runtime.InteropServices;

namespace AmduatFs.Store.Log;

/// <summary>
/// fsync of a directory, which makes a newly created file's name durable. .NET cannot open a directory
/// as a file, so this calls libc directly.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0; // O_RDONLY

    /// <exception cref="IOException">the directory cannot be opened or flushed.</exception>
    public static void Flush(string directory)
    {
        // Windows cannot open a directory for flushing, and NTFS journals the name with the file.
        if (OperatingSystem.IsWindows()) return;
        int fd = Open(directory, ReadOnly);
        if (fd < 0) throw new IOException($"cannot open directory {directory} to flush it (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"fsync of directory {directory} failed (errno {Marshal.GetLastPInvokeError()})");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
