using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;
using AmduatFs.Namespace;

namespace AmduatFs.Mount.Trees;

/// <summary>A node of an immutable tree (a snapshot or a <c>.by-id</c> tree): it answers from its tree entry.</summary>
internal abstract class TreeNode(TreeContext context, TreeEntry entry, ulong ino, TreeDirectoryNode? parent, int index) : Node
{
    protected TreeContext Context { get; } = context;
    public TreeEntry Entry { get; } = entry;
    public override ulong Ino { get; } = ino;
    public override double CacheSeconds => MountTimeouts.Immutable;

    protected abstract uint TypeBits { get; }

    public override FuseStat Stat() =>
        FileModes.Make(Ino, TypeBits | Entry.Mode, Entry.Uid, Entry.Gid, (long)Entry.Size, Entry.MtimeNanoseconds);

    public override void Forgotten() => parent?.Detach(index, this);

    public override int GetXattr(ReadOnlySpan<byte> name, out byte[] value)
    {
        if (AmduatXattrs.IsReserved(name)) return AmduatXattrs.Get(name, Entry.Target, Context.Domain, Context.Snapshot, out value);
        foreach (var xattr in Entry.Xattrs)
        {
            if (!name.SequenceEqual(xattr.Name)) continue;
            value = xattr.Value;
            return 0;
        }
        value = [];
        return Errno.ENODATA;
    }

    public override int ListXattr(out byte[] names)
    {
        names = AmduatXattrs.NameList(Entry.Xattrs.Select(x => x.Name));
        return 0;
    }

    public static TreeNode For(TreeContext context, TreeEntry entry, ulong ino, TreeDirectoryNode? parent, int index) => entry.Kind switch
    {
        EntryKind.Directory => new TreeDirectoryNode(context, entry, ino, parent, index),
        EntryKind.File => new TreeFileNode(context, entry, ino, parent, index),
        EntryKind.Symlink => new TreeSymlinkNode(context, entry, ino, parent, index),
        _ => throw new InvalidOperationException($"unknown entry kind {entry.Kind}"),
    };
}
