using AmduatFs.Store.Replay;
using static AmduatFs.Store.Tests.Replay.ReplayFixtures;

namespace AmduatFs.Store.Tests.Replay;

public sealed class CheckpointRestoreTests
{
    private static readonly DomainId Local = DomainId.Local;

    private static ReplayState Restore(Checkpoint checkpoint) =>
        ReplayState.FromCheckpoint(checkpoint, _ => [CheckpointExample.SegmentEntry]);

    [Fact]
    public void Restored_state_answers_like_the_state_it_was_captured_from()
    {
        var original = CheckpointExample.State();
        var restored = Restore(CheckpointCodec.Decode(CheckpointExample.Bytes(), "ckpt"));
        var key = CheckpointExample.FilledRef(0xAA);

        for (ulong position = 0; position <= 6; position++)
        {
            Assert.Same(original.Lookup(Local, key, position), restored.Lookup(Local, key, position));
            Assert.Equal(original.StateAt(position), restored.StateAt(position));
            Assert.Equal(original.Tombstones(Local, position), restored.Tombstones(Local, position));
            Assert.Equal(original.Snapshots(Local, position), restored.Snapshots(Local, position));
            Assert.Equal(original.StagingRoot(Local, position), restored.StagingRoot(Local, position));
            Assert.Equal(original.Domains(position), restored.Domains(position));
        }
        Assert.Null(restored.Lookup(Local, key, 3));
        Assert.True(restored.TryFindChunk(CheckpointExample.Filled(0xAB), out _));
        Assert.Equal(CheckpointExample.Bytes(), CheckpointCodec.Encode(restored.CaptureCheckpoint(0x01F4, CheckpointExample.Filled(0xCC))));
    }

    [Fact]
    public void Restore_passes_each_sealed_segment_to_the_loader_once()
    {
        var loaded = new List<SealedSegment>();
        ReplayState.FromCheckpoint(CheckpointExample.Checkpoint(), segment =>
        {
            loaded.Add(segment);
            return [CheckpointExample.SegmentEntry];
        });
        Assert.Equal([new SealedSegment(1, CheckpointExample.Filled(0x5E), 2)], loaded);
    }

    [Fact]
    public void A_checkpoint_whose_records_contradict_each_other_is_damaged()
    {
        var checkpoint = CheckpointExample.Checkpoint();
        var tombstone = checkpoint.Tombstones[0];
        var snapshot = checkpoint.Snapshots[0];

        AssertDamaged(checkpoint with { Tombstones = [tombstone with { Domain = Other }] }, "domain 2 does not exist");
        AssertDamaged(checkpoint with { StagingRoots = [checkpoint.StagingRoots[0] with { Logseq = 5 }] }, "must exceed");
        AssertDamaged(checkpoint with { Snapshots = [snapshot, snapshot with { Logseq = 6, SnapshotId = 2 }], StagingRoots = [], NextSnapshotId = 3 },
            "already has a snapshot named 'v1'");
        AssertDamaged(checkpoint with { NextSnapshotId = 9 }, "next snapshot id 9");
        AssertDamaged(checkpoint with { NextSegmentId = 1 }, "next segment id 1");
        AssertDamaged(checkpoint with { NextDomainId = 5 }, "next domain id 5");
        AssertDamaged(checkpoint with { LastLogseq = 5 }, "must exceed");
    }

    [Fact]
    public void Damage_found_in_a_reloaded_segment_is_reported_against_the_segment()
    {
        var alien = Entry(new DomainId(4), Ref(1));
        var damage = Damage(() => ReplayState.FromCheckpoint(CheckpointExample.Checkpoint(), _ => [alien]), "segment");
        Assert.Equal("1", damage.ObjectId);
    }

    [Fact]
    public void A_checkpoint_of_an_empty_log_restores_the_empty_state()
    {
        var empty = new ReplayState();
        var restored = Restore(CheckpointCodec.Decode(CheckpointCodec.Encode(empty.CaptureCheckpoint(24, default)), "empty"));
        Assert.Equal(new IndexState(0, 0), restored.Current);
        Assert.Equal(1u, restored.NextDomainId);
    }

    private static void AssertDamaged(Checkpoint checkpoint, string reasonPart)
    {
        var damage = Damage(() => Restore(checkpoint), "checkpoint");
        Assert.Contains(reasonPart, damage.Reason);
    }
}
