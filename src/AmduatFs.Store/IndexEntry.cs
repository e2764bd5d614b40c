using AmduatFs.Core;

namespace AmduatFs.Store;

/// <summary>One stored chunk of an artifact: its SHA-256, and where the block keeps it.</summary>
public readonly record struct Extent(Digest256 Chunk, Digest256 Block, uint Offset, uint Length);

/// <summary>
/// An index record: where an artifact's bytes are (ordered extents that concatenate to exactly its
/// bytes) and its federation metadata. A tombstone entry hides the key and has no extents.
/// </summary>
public sealed record IndexEntry(
    Reference Reference,
    DomainId Domain,
    Visibility Visibility,
    DomainId CrossDomainSource,
    uint? TypeTag,
    ulong Length,
    bool IsTombstone,
    Extent[] Extents);
