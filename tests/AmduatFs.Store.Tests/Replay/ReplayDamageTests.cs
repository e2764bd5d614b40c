using AmduatFs.Store.Log;
using AmduatFs.Store.Replay;
using static AmduatFs.Store.Tests.Replay.ReplayFixtures;

namespace AmduatFs.Store.Tests.Replay;

public sealed class ReplayDamageTests
{
    private static readonly DomainId Local = DomainId.Local;

    /// <summary>Local domain, Ref(1) sealed at 3, tombstoned at 4 in local.</summary>
    private static ReplayState WithTombstone()
    {
        var state = TwoDomains();
        state.ApplySeal(3, Seal(1), [Entry(Local, Ref(1))]);
        state.Apply(4, new Tombstone(Local, Ref(1)));
        return state;
    }

    private static void AssertRejected(ReplayState state, ulong logseq, LogPayload record, string reasonPart)
    {
        ulong before = state.LastLogseq;
        var damage = Damage(() => state.Apply(logseq, record));
        Assert.Equal($"logseq {logseq}", damage.ObjectId);
        Assert.Contains(reasonPart, damage.Reason);
        Assert.False(state.CanAppend(record, out string reason));
        Assert.Contains(reasonPart, reason);
        Assert.Equal(before, state.LastLogseq);
    }

    [Fact]
    public void Lift_of_an_unknown_tombstone_is_rejected()
    {
        var state = WithTombstone();
        AssertRejected(state, 5, new TombstoneLift(3, Local, Ref(1)), "no tombstone was recorded at logseq 3");
        Assert.False(state.CanLift(3, out _));
        Assert.Null(state.Lookup(Local, Ref(1), 5));
    }

    [Fact]
    public void Lift_of_an_already_lifted_tombstone_is_rejected()
    {
        var state = WithTombstone();
        Assert.True(state.CanLift(4, out _));
        state.Apply(5, new TombstoneLift(4, Local, Ref(1)));
        AssertRejected(state, 6, new TombstoneLift(4, Local, Ref(1)), "already lifted at logseq 5");
        Assert.False(state.CanLift(4, out string reason));
        Assert.Contains("already lifted", reason);
    }

    [Fact]
    public void Lift_naming_another_domain_or_reference_is_rejected()
    {
        var state = WithTombstone();
        AssertRejected(state, 5, new TombstoneLift(4, Other, Ref(1)), "not");
        AssertRejected(state, 5, new TombstoneLift(4, Local, Ref(2)), "not");
        AssertRejected(state, 5, new TombstoneLift(4, new DomainId(7), Ref(1)), "domain 7 does not exist");
        Assert.Null(state.Lookup(Local, Ref(1), 5));
        Assert.Equal(new TombstoneInfo(4, Local, Ref(1), null), state.FindTombstone(4));
    }

    [Fact]
    public void Duplicate_snapshot_name_in_a_domain_is_rejected()
    {
        var state = TwoDomains();
        state.Apply(3, new SnapshotAnchor(Local, 1, "s", Ref(1), 0));
        AssertRejected(state, 4, new SnapshotAnchor(Local, 2, "s", Ref(2), 0), "already has a snapshot named 's'");
        state.Apply(5, new SnapshotAnchor(Other, 2, "s", Ref(2), 0));
        Assert.Equal(2, state.Snapshots(Local, 5).Count + state.Snapshots(Other, 5).Count);
    }

    [Fact]
    public void Snapshot_ids_that_do_not_increase_are_rejected()
    {
        var state = TwoDomains();
        state.Apply(3, new SnapshotAnchor(Local, 5, "a", Ref(1), 0));
        AssertRejected(state, 4, new SnapshotAnchor(Local, 5, "b", Ref(1), 0), "does not exceed");
        AssertRejected(state, 4, new SnapshotAnchor(Other, 4, "b", Ref(1), 0), "does not exceed");
        AssertRejected(TwoDomains(), 3, new SnapshotAnchor(Local, 0, "zero", Ref(1), 0), "does not exceed");
        AssertRejected(state, 4, new SnapshotAnchor(Local, 6, "", Ref(1), 0), "empty name");
    }

    [Fact]
    public void Records_naming_an_unknown_domain_are_rejected()
    {
        var state = TwoDomains();
        var unknown = new DomainId(9);
        AssertRejected(state, 3, new Tombstone(unknown, Ref(1)), "domain 9 does not exist");
        AssertRejected(state, 3, new StagingRoot(unknown, Ref(1)), "domain 9 does not exist");
        AssertRejected(state, 3, new SnapshotAnchor(unknown, 1, "s", Ref(1), 0), "domain 9 does not exist");
        var damage = Damage(() => state.ApplySeal(3, Seal(1), [Entry(unknown, Ref(1))]), "segment");
        Assert.Equal("1", damage.ObjectId);
        Assert.Empty(state.Segments);
    }

    [Fact]
    public void Domain_ids_and_names_must_be_new_and_non_zero()
    {
        var state = TwoDomains();
        AssertRejected(state, 3, new DomainCreate(Other, "third"), "domain 2 already exists");
        AssertRejected(state, 3, new DomainCreate(new DomainId(3), "other"), "'other' is already domain 2");
        AssertRejected(state, 3, new DomainCreate(DomainId.None, "none"), "reserved");
        AssertRejected(state, 3, new DomainCreate(new DomainId(3), ""), "empty name");
    }

    [Fact]
    public void Logseq_must_strictly_increase()
    {
        var state = TwoDomains();
        Damage(() => state.ApplyUnknown(2));
        Damage(() => state.Apply(1, new StagingRoot(Local, Ref(1))));
        Damage(() => state.ApplySeal(2, Seal(1), []));
        Damage(() => new ReplayState().ApplyUnknown(0));
        Assert.Equal(2ul, state.LastLogseq);
    }

    [Fact]
    public void A_segment_sealed_twice_or_repeating_a_key_is_rejected()
    {
        var state = TwoDomains();
        state.ApplySeal(3, Seal(4), [Entry(Local, Ref(1))]);
        Assert.Contains("segment 4 is already sealed", Damage(() => state.ApplySeal(5, Seal(4), [])).Reason);
        Assert.Contains("appears twice", Damage(() => state.ApplySeal(5, Seal(6), [Entry(Local, Ref(2)), TombstoneEntry(Local, Ref(2))]), "segment").Reason);
        state.ApplySeal(5, Seal(6), [Entry(Local, Ref(2)), Entry(Other, Ref(2))]);
        Assert.Equal(7ul, state.NextSegmentId);
    }

    [Fact]
    public void A_seal_passed_to_Apply_is_a_caller_error()
    {
        Assert.Throws<ArgumentException>(() => TwoDomains().Apply(3, Seal(1)));
    }
}
