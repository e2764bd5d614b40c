using AmduatFs.Core;

namespace AmduatFs.Store.Replay;

/// <summary>A replayed TOMBSTONE; <see cref="LiftedAt"/> is set once a TOMBSTONE_LIFT names it.</summary>
internal sealed class TombstoneRecord(ulong logseq, DomainId domain, Reference reference)
{
    public ulong Logseq { get; } = logseq;
    public DomainId Domain { get; } = domain;
    public Reference Reference { get; } = reference;
    public ulong? LiftedAt { get; set; }

    public bool HidesAt(ulong position) => Logseq <= position && !(LiftedAt <= position);

    public TombstoneInfo ViewAt(ulong position) => new(Logseq, Domain, Reference, LiftedAt <= position ? LiftedAt : null);
}
