using AmduatFs.Core;

namespace AmduatFs.Store.Replay;

internal sealed partial class ReplayState
{
    public IndexState Current => StateAt(LastLogseq);

    public IReadOnlyList<SealedSegment> Segments => _segments;

    /// <summary>Snapshot ids grow across the whole store, starting at 1.</summary>
    public ulong NextSnapshotId => _maxSnapshotId + 1;

    public ulong NextSegmentId => _maxSegmentId + 1;

    public uint NextDomainId => _maxDomainId + 1;

    public IndexState StateAt(ulong position)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, LastLogseq);
        int count = LogOrder.CountAtOrBefore(_snapshots, position, s => s.Logseq);
        return new IndexState(count == 0 ? 0 : _snapshots[count - 1].SnapshotId, position);
    }

    /// <summary>The visible entry for the key at <paramref name="position"/>, or null when absent, not yet sealed or tombstoned.</summary>
    public IndexEntry? Lookup(DomainId domain, Reference reference, ulong position) =>
        _domains.TryGetValue(domain, out var state) ? state.Lookup(reference, position) : null;

    /// <summary>Every visible entry of a domain at <paramref name="position"/>, ordered by reference.</summary>
    public IEnumerable<IndexEntry> VisibleEntries(DomainId domain, ulong position)
    {
        if (!_domains.TryGetValue(domain, out var state)) return [];
        var visible = new List<IndexEntry>();
        foreach (var reference in state.Entries.Keys)
        {
            if (state.Lookup(reference, position) is { } entry) visible.Add(entry);
        }
        visible.Sort((a, b) => a.Reference.CompareTo(b.Reference));
        return visible;
    }

    /// <summary>Where an already sealed chunk is stored (the first extent sealed for it), for dedup.</summary>
    public bool TryFindChunk(Digest256 chunk, out Extent extent) => ChunkMap().TryGetValue(chunk, out extent);

    /// <summary>The domain's snapshots anchored at or before <paramref name="position"/>, oldest first.</summary>
    public IReadOnlyList<SnapshotInfo> Snapshots(DomainId domain, ulong position) =>
        _domains.TryGetValue(domain, out var state) ? LogOrder.AtOrBefore(state.Snapshots, position, s => s.Logseq) : [];

    public SnapshotInfo? FindSnapshot(DomainId domain, string name, ulong position) =>
        _domains.TryGetValue(domain, out var state) && state.SnapshotsByName.TryGetValue(name, out var snapshot) && snapshot.Logseq <= position
            ? snapshot
            : null;

    public SnapshotInfo? LatestSnapshot(DomainId domain, ulong position)
    {
        if (!_domains.TryGetValue(domain, out var state)) return null;
        int count = LogOrder.CountAtOrBefore(state.Snapshots, position, s => s.Logseq);
        return count == 0 ? null : state.Snapshots[count - 1];
    }

    /// <summary>The root of the domain's staging tree at <paramref name="position"/>, or null before the first STAGING_ROOT.</summary>
    public Reference? StagingRoot(DomainId domain, ulong position)
    {
        if (!_domains.TryGetValue(domain, out var state)) return null;
        int count = LogOrder.CountAtOrBefore(state.StagingRoots, position, s => s.Logseq);
        return count == 0 ? null : state.StagingRoots[count - 1].Root;
    }

    /// <summary>Domains created at or before <paramref name="position"/>, by id.</summary>
    public IReadOnlyList<(DomainId Id, string Name)> Domains(ulong position) =>
        _domains.Values.Where(d => d.CreatedAt <= position).OrderBy(d => d.Id.Value).Select(d => (d.Id, d.Name)).ToArray();

    public bool TryFindDomain(string name, out DomainId id)
    {
        bool found = _domainsByName.TryGetValue(name, out var state);
        id = found ? state!.Id : DomainId.None;
        return found;
    }

    /// <summary>The domain's tombstones recorded at or before <paramref name="position"/>, by logseq; lifts after it are not shown.</summary>
    public IReadOnlyList<TombstoneInfo> Tombstones(DomainId domain, ulong position)
    {
        if (!_domains.TryGetValue(domain, out var state)) return [];
        int count = LogOrder.CountAtOrBefore(state.Tombstones, position, t => t.Logseq);
        return state.Tombstones.Take(count).Select(t => t.ViewAt(position)).ToArray();
    }

    /// <summary>The tombstone recorded at <paramref name="logseq"/> as CURRENT sees it, e.g. to build its lift.</summary>
    public TombstoneInfo? FindTombstone(ulong logseq) => FindTombstoneRecord(logseq)?.ViewAt(LastLogseq);
}
