using System.Text;
using AmduatFs.Core;
using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;
using AmduatFs.Store;

namespace AmduatFs.Mount.Virtual;

/// <summary>
/// A directory whose names are references the domain can see (<c>.by-id</c>, <c>.trace</c>). It answers lookups
/// but lists nothing, so walks and backups do not descend into it; malformed or invisible references are ENOENT.
/// </summary>
internal abstract class LookupOnlyDirectory(MountContext context, DomainId domain, ulong ino) : VirtualDirectory(context, ino)
{
    protected DomainId Domain { get; } = domain;

    public override double NegativeCacheSeconds => MountTimeouts.Mutable;

    public override int Lookup(ReadOnlySpan<byte> name, out Node? child)
    {
        child = null;
        if (!Reference.TryParse(Encoding.ASCII.GetString(name), out var reference)) return Errno.ENOENT;
        var view = Context.Store.View(Domain);
        if (!view.TryGetEntry(reference, out var entry)) return Errno.ENOENT;
        child = ChildFor(name, reference, entry, view);
        return 0;
    }

    protected abstract Node ChildFor(ReadOnlySpan<byte> name, Reference reference, IndexEntry entry, IArtifactSource view);

    public override int List(out ListingEntry[] entries)
    {
        entries = [];
        return 0;
    }
}
