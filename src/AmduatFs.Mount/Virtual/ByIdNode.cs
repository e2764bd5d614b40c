using System.Text;
using AmduatFs.Core;
using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;
using AmduatFs.Mount.Trees;
using AmduatFs.Namespace;
using AmduatFs.Store;

namespace AmduatFs.Mount.Virtual;

/// <summary>
/// <c>.by-id/REF</c>: every artifact the domain sees, by reference; a tree artifact is a directory, any other
/// a read-only file. Lookup only: nothing is listed, so walks and backups do not descend here.
/// </summary>
internal sealed class ByIdNode(MountContext context, DomainId domain, string domainName)
    : VirtualDirectory(context, InodeNumbers.Root(domainName, ".by-id"))
{
    public override double NegativeCacheSeconds => MountTimeouts.Mutable;

    public override int Lookup(ReadOnlySpan<byte> name, out Node? child)
    {
        child = null;
        if (!Reference.TryParse(Encoding.ASCII.GetString(name), out var reference)) return Errno.ENOENT;
        var view = Context.Store.View(domain);
        if (!view.TryGetEntry(reference, out var entry)) return Errno.ENOENT;
        var tree = new TreeContext(view, domainName, null, Context.Trees, Context.Logger);
        ulong ino = InodeNumbers.Root(domainName, ".by-id", reference.ToString());
        var treeEntry = entry.TypeTag == TreeArtifacts.TypeTag
            ? TreePaths.RootEntry(reference) with { Name = name.ToArray(), MtimeNanoseconds = Context.VirtualTimeNanoseconds }
            : TreeEntry.File(name.ToArray(), reference, entry.Length, 0x124, 0, 0, Context.VirtualTimeNanoseconds);
        child = TreeNode.For(tree, treeEntry, ino, null, 0);
        return 0;
    }

    public override int List(out ListingEntry[] entries)
    {
        entries = [];
        return 0;
    }
}
