using AmduatFs.Core;
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
    : LookupOnlyDirectory(context, domain, InodeNumbers.Root(domainName, ".by-id"))
{
    protected override Node ChildFor(ReadOnlySpan<byte> name, Reference reference, IndexEntry entry, IArtifactSource view)
    {
        var tree = new TreeContext(view, domainName, null, Context.Trees, Context.Logger);
        ulong ino = InodeNumbers.Root(domainName, ".by-id", reference.ToString());
        var treeEntry = entry.TypeTag == TreeArtifacts.TypeTag
            ? TreePaths.RootEntry(reference) with { Name = name.ToArray(), MtimeNanoseconds = Context.VirtualTimeNanoseconds }
            : TreeEntry.File(name.ToArray(), reference, entry.Length, 0x124, ProcessOwner.Uid, ProcessOwner.Gid, Context.VirtualTimeNanoseconds);
        return TreeNode.For(tree, treeEntry, ino, null, 0);
    }
}
