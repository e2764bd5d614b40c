using AmduatFs.Core;
using AmduatFs.Store.Log;
using AmduatFs.Store.Replay;

namespace AmduatFs.Store.Tests.Replay;

/// <summary>
/// The replay rules, as naively as they can be written: the view at a position is the full list of records
/// with logseq ≤ that position, and every query walks it. Slow and obviously right; <see cref="ReplayState"/>
/// must agree with it.
/// </summary>
internal sealed class ReferenceModel(IReadOnlyList<Step> steps, ulong position)
{
    private readonly Step[] _upto = steps.Where(s => s.Logseq <= position).ToArray();

    private IEnumerable<(ulong Logseq, T Payload)> Payloads<T>() where T : LogPayload =>
        _upto.OfType<PayloadStep>().Where(p => p.Payload is T).Select(p => (p.Logseq, (T)p.Payload));

    private ulong? LiftOf(ulong tombstoneLogseq) =>
        Payloads<TombstoneLift>().Where(l => l.Payload.TombstoneLogseq == tombstoneLogseq).Select(l => (ulong?)l.Logseq).FirstOrDefault();

    public IndexEntry? Lookup(DomainId domain, Reference reference)
    {
        bool hidden = Payloads<Tombstone>()
            .Any(t => t.Payload.Domain == domain && t.Payload.Reference == reference && LiftOf(t.Logseq) is null);
        if (hidden) return null;
        foreach (var seal in _upto.OfType<SealStep>().Reverse())
        {
            var entry = seal.Entries.FirstOrDefault(e => e.Domain == domain && e.Reference == reference);
            if (entry is not null) return entry.IsTombstone ? null : entry;
        }
        return null;
    }

    public IReadOnlyList<IndexEntry> VisibleEntries(DomainId domain) =>
        _upto.OfType<SealStep>().SelectMany(s => s.Entries).Where(e => e.Domain == domain).Select(e => e.Reference).Distinct()
            .Select(r => Lookup(domain, r)).OfType<IndexEntry>().OrderBy(e => e.Reference).ToArray();

    public Reference? StagingRoot(DomainId domain) =>
        Payloads<StagingRoot>().Where(s => s.Payload.Domain == domain).Select(s => s.Payload.Root).LastOrDefault();

    public IReadOnlyList<SnapshotInfo> Snapshots(DomainId domain) =>
        Payloads<SnapshotAnchor>().Where(a => a.Payload.Domain == domain)
            .Select(a => new SnapshotInfo(domain, a.Payload.SnapshotId, a.Payload.Name, a.Payload.Root, a.Payload.CreatedUnixNanoseconds, a.Logseq))
            .ToArray();

    public ulong SnapshotId() => Payloads<SnapshotAnchor>().Select(a => a.Payload.SnapshotId).LastOrDefault();

    public IReadOnlyList<(DomainId Id, string Name)> Domains() =>
        Payloads<DomainCreate>().Select(d => (d.Payload.Domain, d.Payload.Name)).OrderBy(d => d.Domain.Value).ToArray();

    public IReadOnlyList<TombstoneInfo> Tombstones(DomainId domain) =>
        Payloads<Tombstone>().Where(t => t.Payload.Domain == domain)
            .Select(t => new TombstoneInfo(t.Logseq, domain, t.Payload.Reference, LiftOf(t.Logseq)))
            .ToArray();

    /// <summary>
    /// The first sealed extent of a chunk (dedup answers from every sealed segment): by seal, and within a seal in
    /// the order a segment file keeps its records (domain, then reference).
    /// </summary>
    public Extent? Chunk(Digest256 chunk) =>
        _upto.OfType<SealStep>().SelectMany(s => s.Entries.OrderBy(e => e.Domain.Value).ThenBy(e => e.Reference)).SelectMany(e => e.Extents).Where(x => x.Chunk == chunk).Select(x => (Extent?)x).FirstOrDefault();
}
