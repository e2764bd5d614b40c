using AmduatFs.Store.Replay;
using FsCheck;
using FsCheck.Fluent;
using static AmduatFs.Store.Tests.Replay.ReplayFixtures;

namespace AmduatFs.Store.Tests.Replay;

public sealed class ReplayPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(100);

    [Fact]
    public void Replay_agrees_with_the_reference_model_at_every_position()
    {
        Check.One(Runs, Prop.ForAll(HistoryGenerator.Choices, choices =>
        {
            var steps = HistoryGenerator.Generate(choices);
            ModelAgreement.AssertAgrees(ReplayAll(steps), steps);
        }));
    }

    [Fact]
    public void Checkpoint_then_tail_answers_exactly_like_full_replay()
    {
        Check.One(Runs, Prop.ForAll(HistoryGenerator.Choices, ArbMap.Default.ArbFor<int>(), (choices, split) =>
        {
            var steps = HistoryGenerator.Generate(choices);
            int prefix = (int)((uint)split % (uint)(steps.Count + 1));
            var full = ReplayAll(steps);

            var head = ReplayAll(steps.Take(prefix));
            var hash = Digest($"record {prefix}");
            byte[] file = CheckpointCodec.Encode(head.CaptureCheckpoint(4096 + (ulong)prefix, hash));
            var checkpoint = CheckpointCodec.Decode(file, "test");
            Assert.Equal(head.LastLogseq, checkpoint.LastLogseq);
            Assert.Equal(hash, checkpoint.LastRecordHash);
            Assert.Equal(4096 + (ulong)prefix, checkpoint.LogByteOffset);

            var segments = steps.OfType<SealStep>().ToDictionary(s => s.Seal.SegmentId, s => (IReadOnlyList<IndexEntry>)s.Entries);
            var resumed = ReplayState.FromCheckpoint(checkpoint, segment => segments[segment.SegmentId]);
            foreach (var step in steps.Skip(prefix)) ApplyTo(resumed, step);

            ModelAgreement.AssertAgrees(resumed, steps);
            Assert.Equal(full.Segments, resumed.Segments);
            Assert.Equal((full.NextSnapshotId, full.NextSegmentId, full.NextDomainId), (resumed.NextSnapshotId, resumed.NextSegmentId, resumed.NextDomainId));
            Assert.Equal(CheckpointCodec.Encode(full.CaptureCheckpoint(1, hash)), CheckpointCodec.Encode(resumed.CaptureCheckpoint(1, hash)));
        }));
    }
}
