using AmduatFs.Store.Log;

namespace AmduatFs.Store.Replay;

internal sealed partial class ReplayState
{
    /// <summary>
    /// Whether the store may append <paramref name="payload"/> as its next record. The engine asks before
    /// writing; replay rejects the same records as damage. A seal's segment contents are not judged here.
    /// </summary>
    public bool CanAppend(LogPayload payload, out string reason)
    {
        reason = Problem(payload) ?? "";
        return reason.Length == 0;
    }

    /// <summary>Whether a TOMBSTONE_LIFT naming the tombstone at <paramref name="tombstoneLogseq"/> could be appended now.</summary>
    public bool CanLift(ulong tombstoneLogseq, out string reason)
    {
        var tombstone = FindTombstoneRecord(tombstoneLogseq);
        reason = tombstone is null ? $"no tombstone was recorded at logseq {tombstoneLogseq}"
            : tombstone.LiftedAt is { } liftedAt ? $"the tombstone at logseq {tombstoneLogseq} was already lifted at logseq {liftedAt}"
            : "";
        return reason.Length == 0;
    }

    private string? Problem(LogPayload payload) => payload switch
    {
        SegmentSeal seal => _segmentIds.Contains(seal.SegmentId) ? $"segment {seal.SegmentId} is already sealed" : null,
        DomainCreate create => DomainCreateProblem(create),
        Tombstone tombstone => UnknownDomain(tombstone.Domain),
        TombstoneLift lift => UnknownDomain(lift.Domain) ?? LiftProblem(lift),
        SnapshotAnchor anchor => UnknownDomain(anchor.Domain) ?? AnchorProblem(anchor),
        StagingRoot staging => UnknownDomain(staging.Domain),
        _ => throw new ArgumentException($"replay does not know payload {payload.GetType().Name}", nameof(payload)),
    };

    private string? UnknownDomain(DomainId domain) =>
        _domains.ContainsKey(domain) ? null : $"domain {domain} does not exist";

    private string? DomainCreateProblem(DomainCreate create)
    {
        if (create.Domain == DomainId.None) return "domain id 0 is reserved";
        if (create.Name.Length == 0) return $"domain {create.Domain} has an empty name";
        if (_domains.ContainsKey(create.Domain)) return $"domain {create.Domain} already exists";
        if (_domainsByName.TryGetValue(create.Name, out var other)) return $"domain name '{create.Name}' is already domain {other.Id}";
        return null;
    }

    private string? LiftProblem(TombstoneLift lift)
    {
        if (!CanLift(lift.TombstoneLogseq, out string reason)) return reason;
        var tombstone = FindTombstoneRecord(lift.TombstoneLogseq)!;
        if (tombstone.Domain != lift.Domain || tombstone.Reference != lift.Reference)
            return $"the tombstone at logseq {lift.TombstoneLogseq} hides {tombstone.Reference} in domain {tombstone.Domain}, not {lift.Reference} in domain {lift.Domain}";
        return null;
    }

    private string? AnchorProblem(SnapshotAnchor anchor)
    {
        if (anchor.SnapshotId <= _maxSnapshotId)
            return $"snapshot id {anchor.SnapshotId} does not exceed the previous snapshot id {_maxSnapshotId}";
        if (anchor.Name.Length == 0) return $"snapshot {anchor.SnapshotId} has an empty name";
        if (_domains[anchor.Domain].SnapshotsByName.TryGetValue(anchor.Name, out var existing))
            return $"domain {anchor.Domain} already has a snapshot named '{anchor.Name}' (id {existing.SnapshotId})";
        return null;
    }
}
