using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AmduatFs.Core;
using AmduatFs.Store.Log;
using AmduatFs.Store.Segments;

namespace AmduatFs.Store.Replay;

/// <summary>
/// The index and its metadata as replay of the log builds them, answering for CURRENT and for any earlier
/// log position: <c>Index(SnapshotID, LogPosition)</c> = checkpoint + records with logseq ≤ LogPosition.
/// Records are applied in strictly increasing logseq; an invalid record is damage and leaves the state
/// untouched. Positions beyond <see cref="LastLogseq"/> answer like CURRENT. Not thread-safe.
/// </summary>
internal sealed partial class ReplayState
{
    private readonly Dictionary<DomainId, DomainState> _domains = [];
    private readonly Dictionary<string, DomainState> _domainsByName = new(StringComparer.Ordinal);
    private readonly List<TombstoneRecord> _tombstones = [];
    private readonly List<SnapshotInfo> _snapshots = [];
    private readonly List<SealedSegment> _segments = [];
    private readonly HashSet<ulong> _segmentIds = [];
    private readonly object _chunkMapGate = new();
    private Dictionary<Digest256, Extent>? _chunks;
    private ulong _maxSnapshotId;
    private ulong _maxSegmentId;
    private uint _maxDomainId;

    public ulong LastLogseq { get; private set; }

    /// <summary>
    /// Admits a sealed segment whose file the caller has already verified against <paramref name="seal"/>'s hash;
    /// <paramref name="segmentEntries"/> come in the segment's record order (domain, then reference).
    /// </summary>
    /// <exception cref="CorruptDataException">the record is invalid here, or the segment names an unknown domain or repeats a key.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per entry at open
    public void ApplySeal(ulong logseq, SegmentSeal seal, IReadOnlyList<IndexEntry> segmentEntries)
    {
        RequireNext(logseq);
        ThrowIfInvalid(logseq, Problem(seal));
        ThrowIfInvalidSegment(seal.SegmentId, segmentEntries);
        foreach (var entry in segmentEntries)
        {
            var domain = _domains[entry.Domain];
            ref var history = ref CollectionsMarshal.GetValueRefOrAddDefault(domain.Entries, entry.Reference, out bool seen);
            if (seen) history.Shadow(logseq, entry);
            else history = new EntryHistory(logseq, entry);
        }
        if (_chunks is { } chunks)
        {
            GrowChunkMap(chunks, chunks.Count + segmentEntries.Count);
            AddChunks(chunks, segmentEntries);
        }
        _segments.Add(new SealedSegment(seal.SegmentId, seal.SegmentHash, logseq));
        _segmentIds.Add(seal.SegmentId);
        _maxSegmentId = Math.Max(_maxSegmentId, seal.SegmentId);
        LastLogseq = logseq;
    }

    /// <summary>Room for <paramref name="needed"/> chunks in one resize, growing at least twofold so that many small commits stay linear.</summary>
    private static void GrowChunkMap(Dictionary<Digest256, Extent> chunks, int needed)
    {
        int capacity = chunks.EnsureCapacity(0);
        if (needed > capacity) chunks.EnsureCapacity(Math.Max(needed, 2 * capacity));
    }

    /// <summary>
    /// The dedup map (chunk → the first extent sealed for it), built on the first lookup: only writers need
    /// it, so opening a store to read (a mount of snapshots, verify, restore) never holds it in memory.
    /// Safe to call from concurrent readers; seals, which extend it, are exclusive.
    /// </summary>
    private Dictionary<Digest256, Extent> ChunkMap()
    {
        var map = Volatile.Read(ref _chunks);
        if (map is not null) return map;
        lock (_chunkMapGate)
        {
            if (_chunks is not null) return _chunks;
            var sealedEntries = _domains.Values.SelectMany(d => d.Entries.Values).SelectMany(h => h.All()).ToList();
            sealedEntries.Sort((a, b) => a.Seal != b.Seal ? a.Seal.CompareTo(b.Seal) : IndexKeyComparer.Instance.Compare(a.Entry, b.Entry));
            map = new Dictionary<Digest256, Extent>(sealedEntries.Count);
            AddChunks(map, sealedEntries.Select(e => e.Entry));
            Volatile.Write(ref _chunks, map);
            return map;
        }
    }

    /// <summary>Adds extents in seal order and, within a seal, in segment (key) order: the first one recorded stays.</summary>
    private static void AddChunks(Dictionary<Digest256, Extent> chunks, IEnumerable<IndexEntry> entries)
    {
        foreach (var entry in entries)
        {
            foreach (var extent in entry.Extents) chunks.TryAdd(extent.Chunk, extent);
        }
    }

    /// <summary>Applies any record but a segment seal (which needs the segment's entries: <see cref="ApplySeal"/>).</summary>
    /// <exception cref="CorruptDataException">the record is invalid at this point of the log.</exception>
    public void Apply(ulong logseq, LogPayload payload)
    {
        if (payload is SegmentSeal) throw new ArgumentException("a segment seal needs its entries: call ApplySeal", nameof(payload));
        RequireNext(logseq);
        ThrowIfInvalid(logseq, Problem(payload));

        switch (payload)
        {
            case DomainCreate create:
                var domain = new DomainState(create.Domain, create.Name, logseq);
                _domains.Add(create.Domain, domain);
                _domainsByName.Add(create.Name, domain);
                _maxDomainId = Math.Max(_maxDomainId, create.Domain.Value);
                break;
            case Tombstone tombstone:
                AddTombstone(new TombstoneRecord(logseq, tombstone.Domain, tombstone.Reference));
                break;
            case TombstoneLift lift:
                FindTombstoneRecord(lift.TombstoneLogseq)!.LiftedAt = logseq;
                break;
            case SnapshotAnchor anchor:
                var snapshot = new SnapshotInfo(anchor.Domain, anchor.SnapshotId, anchor.Name, anchor.Root, anchor.CreatedUnixNanoseconds, logseq);
                var owner = _domains[anchor.Domain];
                owner.Snapshots.Add(snapshot);
                owner.SnapshotsByName.Add(anchor.Name, snapshot);
                _snapshots.Add(snapshot);
                _maxSnapshotId = anchor.SnapshotId;
                break;
            case StagingRoot staging:
                _domains[staging.Domain].StagingRoots.Add((logseq, staging.Root));
                break;
        }
        LastLogseq = logseq;
    }

    /// <summary>A record of a type this version does not know: it only occupies its logseq.</summary>
    public void ApplyUnknown(ulong logseq)
    {
        RequireNext(logseq);
        LastLogseq = logseq;
    }

    private void AddTombstone(TombstoneRecord tombstone)
    {
        var domain = _domains[tombstone.Domain];
        if (!domain.TombstonesByReference.TryGetValue(tombstone.Reference, out var ofReference))
        {
            ofReference = [];
            domain.TombstonesByReference.Add(tombstone.Reference, ofReference);
        }
        ofReference.Add(tombstone);
        domain.Tombstones.Add(tombstone);
        _tombstones.Add(tombstone);
    }

    private TombstoneRecord? FindTombstoneRecord(ulong logseq)
    {
        int index = LogOrder.CountAtOrBefore(_tombstones, logseq, t => t.Logseq) - 1;
        return index >= 0 && _tombstones[index].Logseq == logseq ? _tombstones[index] : null;
    }

    private void RequireNext(ulong logseq)
    {
        if (logseq <= LastLogseq)
            throw new CorruptDataException("log record", $"logseq {logseq}", $"logseq must exceed the previous record's {LastLogseq}");
    }

    private static void ThrowIfInvalid(ulong logseq, string? problem)
    {
        if (problem is not null) throw new CorruptDataException("log record", $"logseq {logseq}", problem);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ThrowIfInvalidSegment(ulong segmentId, IReadOnlyList<IndexEntry> entries)
    {
        var keys = new HashSet<(DomainId, Reference)>(entries.Count);
        foreach (var entry in entries)
        {
            string? problem = !_domains.ContainsKey(entry.Domain) ? $"entry for {entry.Reference} names unknown domain {entry.Domain}"
                : !keys.Add((entry.Domain, entry.Reference)) ? $"reference {entry.Reference} appears twice in domain {entry.Domain}"
                : null;
            if (problem is not null) throw new CorruptDataException("segment", segmentId.ToString(), problem);
        }
    }
}
