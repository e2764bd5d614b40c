using AmduatFs.Core;

namespace AmduatFs.Store.Replay;

/// <summary>A domain as its DOMAIN_CREATE recorded it.</summary>
internal sealed record DomainInfo(ulong Logseq, DomainId Id, string Name);

/// <summary>A STAGING_ROOT record: from <paramref name="Logseq"/> on, the domain's staging tree is <paramref name="Root"/>.</summary>
internal sealed record StagingRootInfo(ulong Logseq, DomainId Domain, Reference Root);

/// <summary>
/// Everything replay derived from the log up to <see cref="LastLogseq"/> except segment contents, which are
/// reloaded from the segment files. Every list is in ascending logseq. Tombstones carry their lift, if any.
/// </summary>
internal sealed record Checkpoint(
    ulong LastLogseq,
    Digest256 LastRecordHash,
    ulong LogByteOffset,
    ulong NextSnapshotId,
    ulong NextSegmentId,
    uint NextDomainId,
    IReadOnlyList<DomainInfo> Domains,
    IReadOnlyList<SealedSegment> Segments,
    IReadOnlyList<TombstoneInfo> Tombstones,
    IReadOnlyList<SnapshotInfo> Snapshots,
    IReadOnlyList<StagingRootInfo> StagingRoots);
