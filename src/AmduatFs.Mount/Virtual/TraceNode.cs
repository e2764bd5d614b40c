using System.Text;
using AmduatFs.Core;
using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;
using AmduatFs.Store;

namespace AmduatFs.Mount.Virtual;

/// <summary><c>.trace/REF/</c>: what is known of how an artifact came to be. Lookup only, like <c>.by-id</c>.</summary>
internal sealed class TraceNode(MountContext context, DomainId domain, string domainName)
    : LookupOnlyDirectory(context, domain, InodeNumbers.Root(domainName, ".trace"))
{
    protected override Node ChildFor(ReadOnlySpan<byte> name, Reference reference, IndexEntry entry, IArtifactSource view) =>
        new TraceDirectory(Context, Domain, domainName, reference);
}

/// <summary>The trace of one artifact: an <c>ingest</c> file naming where the artifact was recorded.</summary>
internal sealed class TraceDirectory(MountContext context, DomainId domain, string domainName, Reference artifact)
    : VirtualDirectory(context, InodeNumbers.Root(domainName, ".trace", artifact.ToString()))
{
    private static readonly byte[] IngestName = "ingest"u8.ToArray();

    public override int Lookup(ReadOnlySpan<byte> name, out Node? child)
    {
        child = name.SequenceEqual(IngestName)
            ? new TextFileNode(InodeNumbers.Child(Ino, IngestName), Context.VirtualTimeNanoseconds,
                Encoding.UTF8.GetBytes(IngestReport.Build(Context.Store, domain, domainName, artifact, Context.Trees)))
            : null;
        return child is null ? Errno.ENOENT : 0;
    }

    public override int List(out ListingEntry[] entries)
    {
        entries = [new ListingEntry(IngestName, InodeNumbers.Child(Ino, IngestName), FileModes.Regular | 0x124)];
        return 0;
    }
}
