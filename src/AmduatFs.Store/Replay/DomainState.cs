using AmduatFs.Core;

namespace AmduatFs.Store.Replay;

/// <summary>Everything replay knows about one domain; tombstones and shadowing never cross domains.</summary>
internal sealed class DomainState(DomainId id, string name, ulong createdAt)
{
    public DomainId Id { get; } = id;
    public string Name { get; } = name;
    public ulong CreatedAt { get; } = createdAt;

    public Dictionary<Reference, EntryHistory> Entries { get; } = [];
    public Dictionary<Reference, List<TombstoneRecord>> TombstonesByReference { get; } = [];
    public List<TombstoneRecord> Tombstones { get; } = [];
    public List<SnapshotInfo> Snapshots { get; } = [];
    public Dictionary<string, SnapshotInfo> SnapshotsByName { get; } = new(StringComparer.Ordinal);
    public List<(ulong Logseq, Reference Root)> StagingRoots { get; } = [];

    public bool IsHidden(Reference reference, ulong position)
    {
        if (!TombstonesByReference.TryGetValue(reference, out var tombstones)) return false;
        foreach (var tombstone in tombstones)
        {
            if (tombstone.HidesAt(position)) return true;
        }
        return false;
    }

    public IndexEntry? Lookup(Reference reference, ulong position)
    {
        if (!Entries.TryGetValue(reference, out var history)) return null;
        var entry = history.At(position);
        if (entry is null || entry.IsTombstone || IsHidden(reference, position)) return null;
        return entry;
    }
}
