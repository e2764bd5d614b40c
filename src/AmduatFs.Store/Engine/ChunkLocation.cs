namespace AmduatFs.Store.Engine;

/// <summary>
/// Where a chunk is during a batch: in a sealed block (<see cref="PendingBlock"/> = -1) or at an offset in
/// a block of the current batch that has no id yet.
/// </summary>
internal readonly record struct ChunkLocation(Digest256 Chunk, int PendingBlock, Digest256 Block, uint Offset, uint Length)
{
    public static ChunkLocation Sealed(Extent extent) => new(extent.Chunk, -1, extent.Block, extent.Offset, extent.Length);

    public Extent Resolve(IReadOnlyList<Digest256> pendingBlockIds) =>
        PendingBlock < 0 ? new Extent(Chunk, Block, Offset, Length) : new Extent(Chunk, pendingBlockIds[PendingBlock], Offset, Length);
}

/// <summary>An artifact stored in the current batch, not yet sealed into a segment.</summary>
internal sealed record PendingArtifact(AmduatFs.Core.Reference Reference, DomainId Domain, uint? TypeTag, ulong Length, ChunkLocation[] Chunks);
