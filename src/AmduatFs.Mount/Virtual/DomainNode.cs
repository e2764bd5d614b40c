using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;
using AmduatFs.Store;

namespace AmduatFs.Mount.Virtual;

/// <summary>A domain's folder: <c>staging/</c>, <c>snapshots/</c>, and the lookup-only <c>.by-id</c> and <c>.trace</c>.</summary>
internal sealed class DomainNode : VirtualDirectory
{
    private static readonly byte[] StagingName = "staging"u8.ToArray();
    private static readonly byte[] SnapshotsName = "snapshots"u8.ToArray();
    private static readonly byte[] ByIdName = ".by-id"u8.ToArray();
    private static readonly byte[] TraceName = ".trace"u8.ToArray();

    private readonly DomainId _domain;
    private readonly string _name;
    private readonly SnapshotsNode _snapshots;
    private readonly ByIdNode _byId;
    private readonly TraceNode _trace;

    public DomainNode(MountContext context, DomainId domain, string name) : base(context, InoOf(name))
    {
        _domain = domain;
        _name = name;
        _snapshots = new SnapshotsNode(context, domain, name);
        _byId = new ByIdNode(context, domain, name);
        _trace = new TraceNode(context, domain, name);
    }

    public static ulong InoOf(string domain) => InodeNumbers.Root(domain);

    public override int Lookup(ReadOnlySpan<byte> name, out Node? child)
    {
        child = name.SequenceEqual(StagingName) ? Context.Staging(_domain, _name).Root
            : name.SequenceEqual(SnapshotsName) ? _snapshots
            : name.SequenceEqual(ByIdName) ? _byId
            : name.SequenceEqual(TraceName) ? _trace
            : null;
        return child is null ? Errno.ENOENT : 0;
    }

    public override int List(out ListingEntry[] entries)
    {
        entries =
        [
            new ListingEntry(StagingName, Context.Staging(_domain, _name).Root.Ino, FileModes.Directory | 0x1ED),
            DirectoryEntry(SnapshotsName, _snapshots.Ino),
        ];
        return 0;
    }
}
