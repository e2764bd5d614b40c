using System.Security.Cryptography;
using System.Text;
using AmduatFs.Namespace.Posix;
using Microsoft.Win32.SafeHandles;
using Mono.Unix.Native;

namespace AmduatFs.Namespace.Tests;

/// <summary>Test-side filesystem helpers on raw name bytes, independent of the importer's code paths.</summary>
internal static class Fs
{
    public static string Child(string directory, byte[] name) => PosixNames.Child(directory, PosixNames.ToNative(name));

    public static string WriteFile(string directory, byte[] name, byte[] content, uint mode, long mtimeNs)
    {
        string path = Child(directory, name);
        int fd = Syscall.open(path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_EXCL, FilePermissions.S_IRUSR | FilePermissions.S_IWUSR);
        Check(fd, "open", path);
        try
        {
            using var handle = new SafeFileHandle(fd, ownsHandle: false);
            RandomAccess.Write(handle, content, 0);
            Check(Syscall.fchmod(fd, (FilePermissions)mode), "fchmod", path);
        }
        finally { Syscall.close(fd); }
        SetTime(path, mtimeNs);
        return path;
    }

    public static string MakeDirectory(string directory, byte[] name)
    {
        string path = Child(directory, name);
        Check(Syscall.mkdir(path, FilePermissions.ACCESSPERMS), "mkdir", path);
        return path;
    }

    public static string Symlink(string directory, byte[] name, string target, long mtimeNs)
    {
        string path = Child(directory, name);
        Check(Syscall.symlink(target, path), "symlink", path);
        SetTime(path, mtimeNs);
        return path;
    }

    public static void SetTime(string path, long mtimeNs)
    {
        var time = FileStatus.ToTimespec(mtimeNs);
        Check(Syscall.utimensat(-100, path, [time, time], AtFlags.AT_SYMLINK_NOFOLLOW), "utimensat", path);
    }

    public static bool TrySetXattr(string path, string name, byte[] value) => Syscall.lsetxattr(path, name, value) == 0;

    /// <summary>
    /// Every node under (and including) <paramref name="root"/> as "relative-path-hex: kind mode uid:gid mtime size content/link xattrs",
    /// read with lstat, open/read, readlink and llistxattr directly.
    /// </summary>
    public static SortedDictionary<string, string> Snapshot(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Visit(root, "", result);
        return result;
    }

    private static void Visit(string path, string relative, SortedDictionary<string, string> result)
    {
        Check(Syscall.lstat(path, out var stat), "lstat", path);
        var type = stat.st_mode & FilePermissions.S_IFMT;
        var line = new StringBuilder();
        line.Append($"{type} {Convert.ToString((uint)stat.st_mode & 0xFFF, 8)} {stat.st_uid}:{stat.st_gid} {stat.st_mtime}.{stat.st_mtime_nsec:D9}");
        if (type == FilePermissions.S_IFREG)
            line.Append($" size {stat.st_size} sha {Convert.ToHexStringLower(SHA256.HashData(ReadAll(path)))}");
        if (type == FilePermissions.S_IFLNK)
        {
            var target = new byte[4096];
            long length = Syscall.readlink(path, target);
            line.Append($" -> {Convert.ToHexStringLower(target.AsSpan(0, (int)length))}");
        }
        var names = new byte[65536];
        long listed = Syscall.llistxattr(path, names, (ulong)names.Length);
        if (listed > 0)
        {
            foreach (var name in Encoding.UTF8.GetString(names, 0, (int)listed).Split('\0', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal))
            {
                var value = new byte[65536];
                long valueLength = Syscall.lgetxattr(path, name, value, (ulong)value.Length);
                line.Append($" [{name}={Convert.ToHexStringLower(value.AsSpan(0, (int)valueLength))}]");
            }
        }
        result[relative] = line.ToString();
        if (type != FilePermissions.S_IFDIR) return;
        var directory = Syscall.opendir(path);
        var children = new List<string>();
        Dirent? entry;
        while ((entry = Syscall.readdir(directory)) is not null)
            if (entry.d_name is not ("." or "..")) children.Add(entry.d_name);
        Syscall.closedir(directory);
        foreach (var child in children)
            Visit(path + "/" + child, relative + "/" + Convert.ToHexStringLower(PosixNames.FromNative(child)), result);
    }

    public static byte[] ReadAll(string path)
    {
        int fd = Syscall.open(path, OpenFlags.O_RDONLY);
        Check(fd, "open", path);
        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        var bytes = new byte[RandomAccess.GetLength(handle)];
        int total = 0, read;
        while (total < bytes.Length && (read = RandomAccess.Read(handle, bytes.AsSpan(total), total)) > 0) total += read;
        return bytes;
    }

    private static void Check(long result, string call, string path)
    {
        if (result < 0) throw new IOException($"{call} {path}: {Stdlib.GetLastError()}");
    }
}
