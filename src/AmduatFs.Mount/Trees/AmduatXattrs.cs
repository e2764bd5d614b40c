using System.Text;
using AmduatFs.Core;
using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;

namespace AmduatFs.Mount.Trees;

/// <summary>
/// The read-only attributes the mount adds to stored nodes. They answer getxattr but are not listed, so
/// `cp -a`, `rsync -X` and `tar --xattrs` do not copy them into other trees.
/// </summary>
internal static class AmduatXattrs
{
    public static readonly byte[] Ref = "user.amduat.ref"u8.ToArray();
    public static readonly byte[] Domain = "user.amduat.domain"u8.ToArray();
    public static readonly byte[] Snapshot = "user.amduat.snapshot"u8.ToArray();
    private static readonly byte[] Prefix = "user.amduat."u8.ToArray();

    public static bool IsReserved(ReadOnlySpan<byte> name) => name.StartsWith(Prefix);

    /// <summary>Answers a reserved name: 0 with the value, or ENODATA when this node has no such attribute.</summary>
    public static int Get(ReadOnlySpan<byte> name, Reference? reference, string domain, string? snapshot, out byte[] value)
    {
        string? text = name.SequenceEqual(Ref) ? reference?.ToString()
            : name.SequenceEqual(Domain) ? domain
            : name.SequenceEqual(Snapshot) ? snapshot
            : null;
        value = text is null ? [] : Encoding.UTF8.GetBytes(text);
        return text is null ? Errno.ENODATA : 0;
    }

    /// <summary>The listxattr form of stored attributes the mount supports: each name followed by a NUL.</summary>
    public static byte[] NameList(IEnumerable<byte[]> names)
    {
        var list = new List<byte>();
        foreach (var name in names)
        {
            if (UnsupportedXattrs.Contains(name)) continue;
            list.AddRange(name);
            list.Add(0);
        }
        return list.ToArray();
    }
}
