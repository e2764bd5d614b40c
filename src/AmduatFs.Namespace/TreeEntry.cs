using AmduatFs.Core;

namespace AmduatFs.Namespace;

/// <summary>
/// One name in a directory tree with all the metadata restore needs. <see cref="Target"/> is the
/// content artifact (file) or child tree (directory); <see cref="LinkTarget"/> is a symlink's
/// target bytes. <see cref="Mode"/> holds only permission bits (<c>mode &amp; 07777</c>); the kind
/// gives the type. Compared by content, so two entries are equal exactly when they encode alike.
/// </summary>
public sealed record TreeEntry(
    byte[] Name,
    EntryKind Kind,
    uint Mode,
    uint Uid,
    uint Gid,
    long MtimeNanoseconds,
    ulong Size,
    Reference? Target,
    byte[]? LinkTarget,
    IReadOnlyList<ExtendedAttribute> Xattrs)
{
    public string DisplayName => FileNames.ToDisplay(Name);

    public static TreeEntry File(byte[] name, Reference content, ulong size, uint mode, uint uid, uint gid, long mtimeNanoseconds, IReadOnlyList<ExtendedAttribute>? xattrs = null) =>
        new(name, EntryKind.File, mode, uid, gid, mtimeNanoseconds, size, content, null, xattrs ?? []);

    public static TreeEntry Directory(byte[] name, Reference tree, uint mode, uint uid, uint gid, long mtimeNanoseconds, IReadOnlyList<ExtendedAttribute>? xattrs = null) =>
        new(name, EntryKind.Directory, mode, uid, gid, mtimeNanoseconds, 0, tree, null, xattrs ?? []);

    public static TreeEntry Symlink(byte[] name, byte[] linkTarget, uint mode, uint uid, uint gid, long mtimeNanoseconds, IReadOnlyList<ExtendedAttribute>? xattrs = null) =>
        new(name, EntryKind.Symlink, mode, uid, gid, mtimeNanoseconds, (ulong)linkTarget.Length, null, linkTarget, xattrs ?? []);

    public bool Equals(TreeEntry? other) =>
        other is not null
        && Name.AsSpan().SequenceEqual(other.Name)
        && Kind == other.Kind && Mode == other.Mode && Uid == other.Uid && Gid == other.Gid
        && MtimeNanoseconds == other.MtimeNanoseconds && Size == other.Size
        && Target == other.Target
        && (LinkTarget is null ? other.LinkTarget is null : other.LinkTarget is not null && LinkTarget.AsSpan().SequenceEqual(other.LinkTarget))
        && Xattrs.SequenceEqual(other.Xattrs);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Name);
        hash.Add(Kind);
        hash.Add(Mode);
        hash.Add(MtimeNanoseconds);
        hash.Add(Target);
        return hash.ToHashCode();
    }

    public override string ToString()
    {
        string what = Kind switch
        {
            EntryKind.Symlink => $"-> {FileNames.ToDisplay(LinkTarget)}",
            _ => $"{Target}",
        };
        return $"{Kind} '{DisplayName}' mode {Convert.ToString(Mode, 8)} {Uid}:{Gid} mtime {MtimeNanoseconds}ns size {Size} {what} xattrs [{string.Join(", ", Xattrs)}]";
    }
}
