using Microsoft.Win32.SafeHandles;
using Mono.Unix.Native;

namespace AmduatFs.Namespace.Posix;

/// <summary>
/// The libc calls import and restore make, all through Mono.Posix, each failing with an
/// <see cref="IOException"/> that names the path. Paths are native strings (<see cref="PosixNames"/>).
/// </summary>
internal static class PosixCalls
{
    public static bool IsRoot => Syscall.geteuid() == 0;
    public static uint EffectiveUid => Syscall.geteuid();
    public static uint EffectiveGid => Syscall.getegid();

    /// <summary>lstat; null when the path does not exist.</summary>
    public static FileStatus? TryLstat(string path)
    {
        if (Syscall.lstat(path, out var stat) == 0) return FileStatus.From(stat, path);
        var errno = PosixError.Last();
        if (errno == Errno.ENOENT) return null;
        throw PosixError.Exception("lstat", path, errno);
    }

    /// <summary>Opens a directory (following a symlink to it) so its metadata and xattrs can be read from one descriptor.</summary>
    public static SafeFileHandle OpenDirectory(string path)
    {
        int fd = Syscall.open(path, OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY | OpenFlags.O_CLOEXEC);
        PosixError.ThrowIfFailed(fd, "open directory", path);
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    public static FileStatus Fstat(SafeFileHandle file, string pathForErrors)
    {
        PosixError.ThrowIfFailed(Syscall.fstat(Descriptor(file), out var stat), "fstat", pathForErrors);
        return FileStatus.From(stat, pathForErrors);
    }

    /// <summary>
    /// Opens for reading without following a final symlink and without blocking on a fifo that
    /// replaced the file since it was listed. Returns the errno instead of throwing, so callers can
    /// tell a vanished file (ENOENT) or a swapped-in symlink (ELOOP) from a real failure.
    /// </summary>
    public static SafeFileHandle? TryOpenForReading(string path, out Errno errno)
    {
        int fd = Syscall.open(path, OpenFlags.O_RDONLY | OpenFlags.O_NOFOLLOW | OpenFlags.O_NONBLOCK | OpenFlags.O_CLOEXEC);
        errno = fd < 0 ? PosixError.Last() : 0;
        return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Creates a new file (never an existing one, never through a symlink), owner-only until metadata is applied.</summary>
    public static SafeFileHandle CreateFile(string path)
    {
        int fd = Syscall.open(path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_EXCL | OpenFlags.O_NOFOLLOW | OpenFlags.O_CLOEXEC,
            FilePermissions.S_IRUSR | FilePermissions.S_IWUSR);
        PosixError.ThrowIfFailed(fd, "create", path);
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>The names in a directory except "." and "..", as native strings, in readdir order.</summary>
    public static List<string> ReadDirectory(string path) => ReadDirectoryEntries(path).ConvertAll(entry => entry.Name);

    /// <summary>
    /// The entries of a directory except "." and "..", in readdir order, each marked when readdir's
    /// d_type already says it is a regular file (which then needs no lstat to be recognised).
    /// </summary>
    public static List<(string Name, bool IsRegularFile)> ReadDirectoryEntries(string path)
    {
        var directory = Syscall.opendir(path);
        if (directory == IntPtr.Zero) throw PosixError.Exception("opendir", path);
        try
        {
            var entries = new List<(string, bool)>();
            while (true)
            {
                var entry = Syscall.readdir(directory);
                if (entry is null)
                {
                    var errno = PosixError.Last();
                    if (errno != 0) throw PosixError.Exception("readdir", path, errno);
                    return entries;
                }
                if (entry.d_name is not ("." or "..")) entries.Add((entry.d_name, entry.d_type == DirentTypeRegular));
            }
        }
        finally
        {
            Syscall.closedir(directory);
        }
    }

    // DT_REG from <dirent.h>, the same on every Linux architecture.
    private const byte DirentTypeRegular = 8;

    public static byte[] ReadLink(string path)
    {
        var buffer = new byte[TreeLayout.MaxLinkTargetLength + 1];
        long length = Syscall.readlink(path, buffer);
        PosixError.ThrowIfFailed(length, "readlink", path);
        if (length > TreeLayout.MaxLinkTargetLength) throw new IOException($"symlink '{PosixNames.Display(path)}' has a target longer than {TreeLayout.MaxLinkTargetLength} bytes");
        return buffer.AsSpan(0, (int)length).ToArray();
    }

    public static void MakeDirectory(string path) =>
        PosixError.ThrowIfFailed(Syscall.mkdir(path, FilePermissions.S_IRWXU), "mkdir", path);

    public static void MakeSymlink(byte[] target, string path) =>
        PosixError.ThrowIfFailed(Syscall.symlink(PosixNames.ToNative(target), path), "symlink", path);

    /// <summary>lchown, or fchown when a handle is given; returns the errno so the caller can decide what to tolerate.</summary>
    public static Errno TryChangeOwner(string path, SafeFileHandle? file, uint uid, uint gid)
    {
        int result = file is null ? Syscall.lchown(path, uid, gid) : Syscall.fchown(Descriptor(file), uid, gid);
        return result < 0 ? PosixError.Last() : 0;
    }

    public static void ChangeMode(string path, SafeFileHandle? file, uint mode)
    {
        int result = file is null ? Syscall.chmod(path, (FilePermissions)mode) : Syscall.fchmod(Descriptor(file), (FilePermissions)mode);
        PosixError.ThrowIfFailed(result, "chmod", path);
    }

    /// <summary>Sets atime and mtime to <paramref name="mtimeNanoseconds"/>, on the link itself for symlinks.</summary>
    public static void SetTimes(string path, SafeFileHandle? file, long mtimeNanoseconds)
    {
        var time = FileStatus.ToTimespec(mtimeNanoseconds);
        Timespec[] times = [time, time];
        int result = file is null
            ? Syscall.utimensat(AtCurrentDirectory, path, times, AtFlags.AT_SYMLINK_NOFOLLOW)
            : Syscall.futimens(Descriptor(file), times);
        PosixError.ThrowIfFailed(result, "utimensat", path);
    }

    public static int Descriptor(SafeFileHandle file) => (int)file.DangerousGetHandle();

    // AT_FDCWD on Linux; paths passed with it are absolute anyway.
    private const int AtCurrentDirectory = -100;
}
