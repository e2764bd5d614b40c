using System.Text;
using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;
using AmduatFs.Mount.Trees;
using AmduatFs.Namespace;
using AmduatFs.Store;
using AmduatFs.Store.Replay;

namespace AmduatFs.Mount.Virtual;

/// <summary>
/// <c>snapshots/</c>: one read-only directory per snapshot (read as of the snapshot's log position), the
/// <c>latest</c> symlink, and <c>mkdir NAME</c> to seal staging into a new snapshot.
/// </summary>
internal sealed class SnapshotsNode(MountContext context, DomainId domain, string domainName)
    : VirtualDirectory(context, InodeNumbers.Root(domainName, "snapshots"))
{
    private static readonly byte[] LatestName = "latest"u8.ToArray();

    private readonly Dictionary<ulong, TreeDirectoryNode> _roots = new();
    private readonly LatestLinkNode _latest = new(context, domain, domainName);

    public override int Lookup(ReadOnlySpan<byte> name, out Node? child)
    {
        child = null;
        if (name.SequenceEqual(LatestName))
        {
            if (_latest.Target() is null) return Errno.ENOENT;
            child = _latest;
            return 0;
        }
        var snapshot = Context.Store.FindSnapshot(domain, Encoding.UTF8.GetString(name));
        if (snapshot is null || !name.SequenceEqual(Encoding.UTF8.GetBytes(snapshot.Name))) return Errno.ENOENT;
        child = RootOf(snapshot);
        return 0;
    }

    private TreeDirectoryNode RootOf(SnapshotInfo snapshot)
    {
        lock (_roots)
        {
            if (_roots.TryGetValue(snapshot.SnapshotId, out var root)) return root;
            var tree = new TreeContext(Context.Store.View(domain, snapshot.Logseq), domainName, snapshot.Name, Context.Trees, Context.Logger);
            var entry = TreePaths.RootEntry(snapshot.Root) with { MtimeNanoseconds = snapshot.CreatedUnixNanoseconds };
            root = new TreeDirectoryNode(tree, entry, InodeNumbers.Root(domainName, "snapshots", snapshot.Name), null, 0);
            _roots.Add(snapshot.SnapshotId, root);
            return root;
        }
    }

    public override int List(out ListingEntry[] entries)
    {
        var snapshots = Context.Store.Snapshots(domain);
        var list = snapshots
            .Select(s => DirectoryEntry(Encoding.UTF8.GetBytes(s.Name), InodeNumbers.Root(domainName, "snapshots", s.Name)))
            .ToList();
        if (snapshots.Count > 0) list.Add(new ListingEntry(LatestName, _latest.Ino, FileModes.Symlink | 0x1FF));
        entries = [.. list];
        return 0;
    }

    public override int MkDir(ReadOnlySpan<byte> name, uint mode, FuseCaller caller, out Node? child)
    {
        child = null;
        string text = Encoding.UTF8.GetString(name);
        if (name.SequenceEqual(LatestName) || Context.Store.FindSnapshot(domain, text) is not null) return Errno.EEXIST;
        if (!name.SequenceEqual(Encoding.UTF8.GetBytes(text))) return Errno.EINVAL;
        SnapshotInfo snapshot;
        try
        {
            snapshot = Context.Staging(domain, domainName).CreateSnapshot(text);
        }
        catch (ArgumentException e)
        {
            Context.Logger.LogSnapshotRefused(text, e.Message);
            return Errno.EINVAL;
        }
        Context.InvalidateEntry(this, LatestName);
        child = RootOf(snapshot);
        return 0;
    }
}
