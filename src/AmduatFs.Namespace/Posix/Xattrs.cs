using Microsoft.Win32.SafeHandles;
using Mono.Unix.Native;

namespace AmduatFs.Namespace.Posix;

/// <summary>
/// Extended attributes of one file, through the file handle when there is one (files) and the
/// path otherwise, never following symlinks. <c>system.*</c> attributes (POSIX ACLs and other
/// kernel-synthesised values) are not read: they mirror the mode or are filesystem-specific.
/// </summary>
internal static class Xattrs
{
    // Linux caps a name list (XATTR_LIST_MAX) and a value (XATTR_SIZE_MAX) at 64 KiB, so one
    // buffer of each per thread always suffices and files without xattrs allocate nothing.
    private const int MaxLength = 64 * 1024;
    private static readonly byte[] SystemPrefix = "system."u8.ToArray();

    [ThreadStatic] private static byte[]? t_names;
    [ThreadStatic] private static byte[]? t_value;

    public static IReadOnlyList<ExtendedAttribute> Read(string path, SafeFileHandle? file)
    {
        var names = t_names ??= new byte[MaxLength];
        long listLength = file is null
            ? Syscall.llistxattr(path, names, MaxLength)
            : Syscall.flistxattr(PosixCalls.Descriptor(file), names, MaxLength);
        if (listLength < 0)
        {
            var errno = PosixError.Last();
            if (errno == Errno.EOPNOTSUPP) return [];
            throw PosixError.Exception("listxattr", path, errno);
        }
        if (listLength == 0) return [];

        var value = t_value ??= new byte[MaxLength];
        var xattrs = new List<ExtendedAttribute>();
        foreach (var range in names.AsSpan(0, (int)listLength).Split((byte)0))
        {
            var name = names.AsSpan(range);
            if (name.IsEmpty || name.StartsWith(SystemPrefix)) continue;
            string nativeName = PosixNames.ToNative(name);
            long valueLength = file is null
                ? Syscall.lgetxattr(path, nativeName, value, MaxLength)
                : Syscall.fgetxattr(PosixCalls.Descriptor(file), nativeName, value, MaxLength);
            if (valueLength < 0)
            {
                var errno = PosixError.Last();
                if (errno == Errno.ENODATA) continue; // removed since it was listed
                throw PosixError.Exception($"getxattr {FileNames.ToDisplay(name)} of", path, errno);
            }
            xattrs.Add(new ExtendedAttribute(name.ToArray(), value.AsSpan(0, (int)valueLength).ToArray()));
        }
        xattrs.Sort(static (a, b) => a.Name.AsSpan().SequenceCompareTo(b.Name));
        return xattrs;
    }

    /// <summary>Sets one attribute; returns the errno so the caller can decide what to tolerate.</summary>
    public static Errno TryWrite(string path, SafeFileHandle? file, ExtendedAttribute xattr)
    {
        string nativeName = PosixNames.ToNative(xattr.Name);
        int result = file is null
            ? Syscall.lsetxattr(path, nativeName, xattr.Value, (ulong)xattr.Value.Length)
            : Syscall.fsetxattr(PosixCalls.Descriptor(file), nativeName, xattr.Value, (ulong)xattr.Value.Length);
        return result < 0 ? PosixError.Last() : 0;
    }
}
