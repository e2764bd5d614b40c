using AmduatFs.Core;

namespace AmduatFs.Store.Engine;

/// <summary>A domain's view of the store at one log position.</summary>
internal sealed class StoreView(GuardedState state, BlockCache blocks, DomainId domain, string domainName, ulong position) : IArtifactSource
{
    public bool TryGetEntry(Reference reference, out IndexEntry entry)
    {
        entry = state.Read(s => s.Lookup(domain, reference, position))!;
        return entry is not null;
    }

    public Stream OpenRead(Reference reference) => new ArtifactReadStream(Require(reference), blocks);

    public Artifact ReadArtifact(Reference reference)
    {
        var entry = Require(reference);
        if (entry.Length > int.MaxValue) throw new InvalidOperationException($"artifact {reference} is {entry.Length} bytes, too large to hold in memory; stream it");
        var bytes = new byte[entry.Length];
        using (var stream = new ArtifactReadStream(entry, blocks)) stream.ReadExactly(bytes);
        // Chunks were verified one by one; the reference check also proves their order and the type tag.
        var actual = ArtifactEncoding.ComputeReference(bytes, entry.TypeTag);
        if (actual != reference)
            throw new CorruptDataException("index entry", reference.ToString(), $"its extents hold an artifact whose reference is {actual}", reference);
        return new Artifact(bytes, entry.TypeTag);
    }

    private IndexEntry Require(Reference reference) =>
        state.Read(s => s.Lookup(domain, reference, position)) ?? throw new ArtifactNotFoundException(reference, domainName);
}
