using AmduatFs.Core;
using AmduatFs.Store.Log;

namespace AmduatFs.Store.Replay;

internal sealed partial class ReplayState
{
    /// <param name="logByteOffset">where in the log file the record after <see cref="LastLogseq"/> starts.</param>
    /// <param name="lastHash">the chain hash of the record at <see cref="LastLogseq"/>.</param>
    public Checkpoint CaptureCheckpoint(ulong logByteOffset, Digest256 lastHash) => new(
        LastLogseq,
        lastHash,
        logByteOffset,
        NextSnapshotId,
        NextSegmentId,
        NextDomainId,
        _domains.Values.OrderBy(d => d.CreatedAt).Select(d => new DomainInfo(d.CreatedAt, d.Id, d.Name)).ToArray(),
        _segments.ToArray(),
        _tombstones.Select(t => t.ViewAt(LastLogseq)).ToArray(),
        _snapshots.ToArray(),
        _domains.Values
            .SelectMany(d => d.StagingRoots.Select(s => new StagingRootInfo(s.Logseq, d.Id, s.Root)))
            .OrderBy(s => s.Logseq)
            .ToArray());

    /// <summary>
    /// Rebuilds the state a checkpoint describes by replaying its records in logseq order, with the same
    /// checks as log replay; the caller then applies the log after <see cref="Checkpoint.LastLogseq"/>.
    /// </summary>
    /// <param name="loadSegment">the entries of a sealed segment, read from a file verified against the seal's hash.</param>
    /// <exception cref="CorruptDataException">the checkpoint contradicts itself (object kind "checkpoint"), or a segment is damaged.</exception>
    public static ReplayState FromCheckpoint(Checkpoint checkpoint, Func<SealedSegment, IReadOnlyList<IndexEntry>> loadSegment)
    {
        var state = new ReplayState();
        try
        {
            foreach (var (logseq, record) in RecordsOf(checkpoint))
            {
                if (record is SealedSegment segment)
                    state.ApplySeal(logseq, new SegmentSeal(segment.SegmentId, segment.Hash), loadSegment(segment));
                else state.Apply(logseq, (LogPayload)record);
            }
            if (checkpoint.LastLogseq != state.LastLogseq) state.ApplyUnknown(checkpoint.LastLogseq);
        }
        catch (CorruptDataException damage) when (damage.ObjectKind == "log record")
        {
            throw new CorruptDataException("checkpoint", $"at logseq {checkpoint.LastLogseq}", $"record at {damage.ObjectId}: {damage.Reason}");
        }

        string? mismatch =
            checkpoint.NextSnapshotId != state.NextSnapshotId ? $"next snapshot id {checkpoint.NextSnapshotId}, records imply {state.NextSnapshotId}"
            : checkpoint.NextSegmentId != state.NextSegmentId ? $"next segment id {checkpoint.NextSegmentId}, records imply {state.NextSegmentId}"
            : checkpoint.NextDomainId != state.NextDomainId ? $"next domain id {checkpoint.NextDomainId}, records imply {state.NextDomainId}"
            : null;
        if (mismatch is not null) throw new CorruptDataException("checkpoint", $"at logseq {checkpoint.LastLogseq}", mismatch);
        return state;
    }

    /// <summary>The checkpoint's records in log order: <see cref="LogPayload"/>s, and <see cref="SealedSegment"/>s for seals.</summary>
    private static IEnumerable<(ulong Logseq, object Record)> RecordsOf(Checkpoint checkpoint)
    {
        var records = new List<(ulong Logseq, object Record)>();
        records.AddRange(checkpoint.Domains.Select(d => (d.Logseq, (object)new DomainCreate(d.Id, d.Name))));
        records.AddRange(checkpoint.Segments.Select(s => (s.SealLogseq, (object)s)));
        foreach (var tombstone in checkpoint.Tombstones)
        {
            records.Add((tombstone.Logseq, new Tombstone(tombstone.Domain, tombstone.Reference)));
            if (tombstone.LiftedAt is { } liftedAt)
                records.Add((liftedAt, new TombstoneLift(tombstone.Logseq, tombstone.Domain, tombstone.Reference)));
        }
        records.AddRange(checkpoint.Snapshots.Select(s =>
            (s.Logseq, (object)new SnapshotAnchor(s.Domain, s.SnapshotId, s.Name, s.Root, s.CreatedUnixNanoseconds))));
        records.AddRange(checkpoint.StagingRoots.Select(s => (s.Logseq, (object)new StagingRoot(s.Domain, s.Root))));
        return records.OrderBy(r => r.Logseq);
    }
}
