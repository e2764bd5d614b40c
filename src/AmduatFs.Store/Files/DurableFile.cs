using System.Runtime.InteropServices;

namespace AmduatFs.Store.Files;

/// <summary>Makes a finished file's name durable: rename into place, then fsync the directory that holds it.</summary>
internal static partial class DurableFile
{
    /// <summary>
    /// Atomically renames <paramref name="temp"/> to <paramref name="final"/> (replacing a file already there,
    /// which for content-named files holds the same bytes) and fsyncs the destination directory.
    /// The caller has already fsynced the file itself.
    /// </summary>
    public static void RenameIntoPlace(string temp, string final)
    {
        File.Move(temp, final, overwrite: true);
        FsyncDirectory(Path.GetDirectoryName(Path.GetFullPath(final))!);
    }

    /// <summary>Writes a new file and fsyncs it (not its directory: <see cref="RenameIntoPlace"/> does that).</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        RandomAccess.Write(handle, bytes, 0);
        RandomAccess.FlushToDisk(handle);
    }

    /// <summary>
    /// fsync(2) on a directory, so entries created or renamed in it survive a crash. .NET refuses to open a
    /// directory as a file (UnauthorizedAccessException), hence libc directly. No-op off Unix.
    /// </summary>
    /// <exception cref="IOException">open or fsync failed.</exception>
    public static void FsyncDirectory(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        int fd = Open(directory, OpenReadOnly);
        if (fd < 0) throw Failure("open", directory);
        try
        {
            if (Fsync(fd) != 0) throw Failure("fsync", directory);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    // O_RDONLY is 0 on every Unix; O_DIRECTORY is not portable across architectures and is not needed.
    private const int OpenReadOnly = 0;

    private static IOException Failure(string call, string directory)
    {
        int errno = Marshal.GetLastPInvokeError();
        return new IOException($"{call} of directory '{directory}' failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
