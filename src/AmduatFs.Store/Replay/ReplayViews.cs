using AmduatFs.Core;

namespace AmduatFs.Store.Replay;

/// <summary>
/// Names one view of the index: the newest snapshot at or before <paramref name="LogPosition"/> (0 when none)
/// and the log position itself, an inclusive upper bound on logseq. (0, 0) is the empty store.
/// </summary>
public readonly record struct IndexState(ulong SnapshotId, ulong LogPosition);

/// <summary>A snapshot as its SNAPSHOT_ANCHOR recorded it; its view is <c>(SnapshotId, Logseq)</c>.</summary>
public sealed record SnapshotInfo(DomainId Domain, ulong SnapshotId, string Name, Reference Root, long CreatedUnixNanoseconds, ulong Logseq)
{
    public IndexState State => new(SnapshotId, Logseq);
}

/// <summary>A segment admitted by the SEGMENT_SEAL at <paramref name="SealLogseq"/>; <paramref name="Hash"/> is the SHA-256 of its file.</summary>
public sealed record SealedSegment(ulong SegmentId, Digest256 Hash, ulong SealLogseq);

/// <summary>The TOMBSTONE recorded at <paramref name="Logseq"/>, and the logseq of the lift that cancelled it, if any (as seen from the queried position).</summary>
public sealed record TombstoneInfo(ulong Logseq, DomainId Domain, Reference Reference, ulong? LiftedAt);
