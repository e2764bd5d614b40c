using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;
using AmduatFs.Namespace;

namespace AmduatFs.Mount.Trees;

/// <summary>A directory of an immutable tree; its tree artifact is read on first use.</summary>
internal sealed class TreeDirectoryNode(TreeContext context, TreeEntry entry, ulong ino, TreeDirectoryNode? parent, int index)
    : TreeNode(context, entry, ino, parent, index)
{
    private readonly object _gate = new();
    private Tree? _tree;
    private Node?[]? _children;

    public override bool IsDirectory => true;
    protected override uint TypeBits => FileModes.Directory;
    public override double NegativeCacheSeconds => MountTimeouts.Immutable;
    public override bool ListingNeverChanges => true;

    private Tree Tree => _tree ??= Context.Trees.Get(Context.Source, Entry.Target!);

    public override int Lookup(ReadOnlySpan<byte> name, out Node? child)
    {
        var tree = Tree;
        int i = tree.IndexOf(name);
        if (i < 0)
        {
            child = null;
            return Errno.ENOENT;
        }
        lock (_gate)
        {
            _children ??= new Node?[tree.Entries.Count];
            child = _children[i] ??= For(Context, tree.Entries[i], InodeNumbers.Child(Ino, tree.Entries[i].Name), this, i);
        }
        return 0;
    }

    public override int List(out ListingEntry[] entries)
    {
        var tree = Tree;
        entries = new ListingEntry[tree.Entries.Count];
        for (int i = 0; i < entries.Length; i++)
        {
            var e = tree.Entries[i];
            uint type = e.Kind switch { EntryKind.Directory => FileModes.Directory, EntryKind.Symlink => FileModes.Symlink, _ => FileModes.Regular };
            entries[i] = new ListingEntry(e.Name, InodeNumbers.Child(Ino, e.Name), type | e.Mode);
        }
        return 0;
    }

    public void Detach(int index, Node child)
    {
        lock (_gate)
            if (_children is not null && ReferenceEquals(_children[index], child)) _children[index] = null;
    }
}
