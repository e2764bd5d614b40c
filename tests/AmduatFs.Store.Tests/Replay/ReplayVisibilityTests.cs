using AmduatFs.Store.Log;
using AmduatFs.Store.Replay;
using static AmduatFs.Store.Tests.Replay.ReplayFixtures;

namespace AmduatFs.Store.Tests.Replay;

public sealed class ReplayVisibilityTests
{
    private static readonly DomainId Local = DomainId.Local;

    [Fact]
    public void Empty_state_is_zero_zero_and_knows_nothing()
    {
        var state = new ReplayState();
        Assert.Equal(new IndexState(0, 0), state.Current);
        Assert.Null(state.Lookup(Local, Ref(1), 0));
        Assert.Empty(state.Domains(0));
        Assert.Empty(state.Segments);
        Assert.Equal((1ul, 1ul, 1u), (state.NextSnapshotId, state.NextSegmentId, state.NextDomainId));
    }

    [Fact]
    public void Entries_are_invisible_before_their_seal_and_visible_from_it()
    {
        var state = TwoDomains();
        var entry = Entry(Local, Ref(1));
        state.ApplyUnknown(3);
        state.ApplySeal(5, Seal(1), [entry]);

        Assert.Null(state.Lookup(Local, Ref(1), 3));
        Assert.Null(state.Lookup(Local, Ref(1), 4));
        Assert.Same(entry, state.Lookup(Local, Ref(1), 5));
        Assert.Same(entry, state.Lookup(Local, Ref(1), 99));
        Assert.Equal([new SealedSegment(1, Seal(1).SegmentHash, 5)], state.Segments);
    }

    [Fact]
    public void Newest_seal_shadows_older_entries_of_the_same_key()
    {
        var state = TwoDomains();
        var older = Entry(Local, Ref(1), "old");
        var newer = Entry(Local, Ref(1), "new");
        state.ApplySeal(3, Seal(1), [older]);
        state.ApplySeal(6, Seal(2), [newer]);

        Assert.Same(older, state.Lookup(Local, Ref(1), 5));
        Assert.Same(newer, state.Lookup(Local, Ref(1), 6));
        Assert.Equal([newer], state.VisibleEntries(Local, 6));
    }

    [Fact]
    public void A_tombstone_entry_in_a_newer_segment_hides_the_key()
    {
        var state = TwoDomains();
        var entry = Entry(Local, Ref(1));
        state.ApplySeal(3, Seal(1), [entry]);
        state.ApplySeal(4, Seal(2), [TombstoneEntry(Local, Ref(1))]);

        Assert.Same(entry, state.Lookup(Local, Ref(1), 3));
        Assert.Null(state.Lookup(Local, Ref(1), 4));
        Assert.Empty(state.VisibleEntries(Local, 4));
    }

    [Fact]
    public void A_tombstone_hides_and_its_lift_re_exposes_only_from_the_lift_logseq()
    {
        var state = TwoDomains();
        var entry = Entry(Local, Ref(1));
        state.ApplySeal(3, Seal(1), [entry]);
        state.Apply(5, new Tombstone(Local, Ref(1)));
        state.Apply(8, new TombstoneLift(5, Local, Ref(1)));

        Assert.Same(entry, state.Lookup(Local, Ref(1), 4));
        Assert.Null(state.Lookup(Local, Ref(1), 5));
        Assert.Null(state.Lookup(Local, Ref(1), 7));
        Assert.Same(entry, state.Lookup(Local, Ref(1), 8));
        Assert.Equal([new TombstoneInfo(5, Local, Ref(1), null)], state.Tombstones(Local, 7));
        Assert.Equal([new TombstoneInfo(5, Local, Ref(1), 8)], state.Tombstones(Local, 8));
    }

    [Fact]
    public void A_tombstone_recorded_before_the_seal_still_hides_the_key()
    {
        var state = TwoDomains();
        state.Apply(3, new Tombstone(Local, Ref(1)));
        state.ApplySeal(4, Seal(1), [Entry(Local, Ref(1))]);

        Assert.Null(state.Lookup(Local, Ref(1), 4));
    }

    [Fact]
    public void Tombstones_and_shadowing_stay_inside_their_domain()
    {
        var state = TwoDomains();
        var local = Entry(Local, Ref(1), "a");
        var other = Entry(Other, Ref(1), "b");
        state.ApplySeal(3, Seal(1), [local]);
        state.ApplySeal(4, Seal(2), [other]);
        state.Apply(5, new Tombstone(Other, Ref(1)));

        Assert.Same(local, state.Lookup(Local, Ref(1), 5));
        Assert.Null(state.Lookup(Other, Ref(1), 5));
        Assert.Same(other, state.Lookup(Other, Ref(1), 4));
        Assert.Empty(state.Tombstones(Local, 5));
    }

    [Fact]
    public void Visible_entries_are_sorted_by_reference()
    {
        var state = TwoDomains();
        var entries = Enumerable.Range(0, 20).Select(n => Entry(Local, Ref(n))).ToArray();
        state.ApplySeal(3, Seal(1), entries);

        Assert.Equal(entries.OrderBy(e => e.Reference), state.VisibleEntries(Local, 3));
    }

    [Fact]
    public void Dedup_finds_chunks_of_every_sealed_segment_including_shadowed_entries()
    {
        var state = TwoDomains();
        var older = Entry(Local, Ref(1), "old chunk");
        state.ApplySeal(3, Seal(1), [older]);
        state.ApplySeal(4, Seal(2), [Entry(Local, Ref(1), "new chunk", offset: 7)]);

        Assert.True(state.TryFindChunk(Digest("old chunk"), out var extent));
        Assert.Equal(older.Extents[0], extent);
        Assert.True(state.TryFindChunk(Digest("new chunk"), out extent));
        Assert.Equal(7u, extent.Offset);
        Assert.False(state.TryFindChunk(Digest("never sealed"), out _));
    }

    [Fact]
    public void Dedup_map_built_at_the_first_lookup_keeps_the_first_sealed_extent_and_follows_later_seals()
    {
        var state = TwoDomains();
        state.ApplySeal(3, Seal(1), [Entry(Local, Ref(2), "shared", offset: 200)]);
        state.ApplySeal(4, Seal(2), [Entry(Other, Ref(1), "shared", offset: 100)]);

        Assert.True(state.TryFindChunk(Digest("shared"), out var extent));
        Assert.Equal(200u, extent.Offset);

        state.ApplySeal(5, Seal(3), [Entry(Local, Ref(3), "later", offset: 300), Entry(Local, Ref(4), "shared", offset: 400)]);
        Assert.True(state.TryFindChunk(Digest("later"), out extent));
        Assert.Equal(300u, extent.Offset);
        Assert.True(state.TryFindChunk(Digest("shared"), out extent));
        Assert.Equal(200u, extent.Offset);
    }

    [Fact]
    public void Staging_root_is_the_latest_at_each_position()
    {
        var state = TwoDomains();
        state.Apply(4, new StagingRoot(Local, Ref(1)));
        state.Apply(6, new StagingRoot(Local, Ref(2)));

        Assert.Null(state.StagingRoot(Local, 3));
        Assert.Equal(Ref(1), state.StagingRoot(Local, 5));
        Assert.Equal(Ref(2), state.StagingRoot(Local, 6));
        Assert.Null(state.StagingRoot(Other, 6));
    }

    [Fact]
    public void Snapshots_are_found_by_name_listed_in_order_and_name_the_index_state()
    {
        var state = TwoDomains();
        state.Apply(3, new SnapshotAnchor(Local, 1, "monday", Ref(1), 100));
        state.Apply(5, new SnapshotAnchor(Other, 2, "monday", Ref(2), 200));
        state.Apply(7, new SnapshotAnchor(Local, 4, "tuesday", Ref(3), 300));
        state.ApplyUnknown(9);

        var monday = new SnapshotInfo(Local, 1, "monday", Ref(1), 100, 3);
        var tuesday = new SnapshotInfo(Local, 4, "tuesday", Ref(3), 300, 7);
        Assert.Equal([monday, tuesday], state.Snapshots(Local, 9));
        Assert.Equal([monday], state.Snapshots(Local, 6));
        Assert.Equal(monday, state.FindSnapshot(Local, "monday", 3));
        Assert.Null(state.FindSnapshot(Local, "tuesday", 6));
        Assert.Equal(tuesday, state.LatestSnapshot(Local, 9));
        Assert.Equal(new IndexState(4, 7), tuesday.State);
        Assert.Equal(new IndexState(4, 9), state.Current);
        Assert.Equal(new IndexState(2, 6), state.StateAt(6));
        Assert.Equal(5ul, state.NextSnapshotId);
    }

    [Fact]
    public void Domains_are_listed_by_id_and_found_by_name()
    {
        var state = TwoDomains();
        Assert.Equal([(Local, "local")], state.Domains(1));
        Assert.Equal([(Local, "local"), (Other, "other")], state.Domains(2));
        Assert.True(state.TryFindDomain("other", out var id));
        Assert.Equal(Other, id);
        Assert.False(state.TryFindDomain("missing", out _));
        Assert.Equal(3u, state.NextDomainId);
    }

    [Fact]
    public void Unknown_records_only_advance_the_position()
    {
        var state = TwoDomains();
        state.ApplyUnknown(10);
        Assert.Equal(new IndexState(0, 10), state.Current);
        Assert.Equal([(Local, "local"), (Other, "other")], state.Domains(10));
    }
}
