using AmduatFs.Core;
using AmduatFs.Store.Log;
using AmduatFs.Store.Replay;

namespace AmduatFs.Store.Tests.Replay;

/// <summary>The worked example of docs/format.md: one record of every kind.</summary>
internal static class CheckpointExample
{
    public static Digest256 Filled(byte value) => new(Enumerable.Repeat(value, 32).ToArray());

    public static Reference FilledRef(byte value) => Reference.Sha256(Enumerable.Repeat(value, 32).ToArray());

    public static readonly IndexEntry SegmentEntry = new(FilledRef(0xAA), DomainId.Local, Visibility.Internal, DomainId.None, null, 3, false,
        [new Extent(Filled(0xAB), Filled(0xBB), 0, 3)]);

    /// <summary>local @1, seal of segment 1 @2, tombstone @3 lifted @4, snapshot "v1" @5, staging root @6.</summary>
    public static ReplayState State()
    {
        var state = new ReplayState();
        state.Apply(1, new DomainCreate(DomainId.Local, DomainId.LocalName));
        state.ApplySeal(2, new SegmentSeal(1, Filled(0x5E)), [SegmentEntry]);
        state.Apply(3, new Tombstone(DomainId.Local, FilledRef(0xAA)));
        state.Apply(4, new TombstoneLift(3, DomainId.Local, FilledRef(0xAA)));
        state.Apply(5, new SnapshotAnchor(DomainId.Local, 1, "v1", FilledRef(0xDD), 0x1122334455667788));
        state.Apply(6, new StagingRoot(DomainId.Local, FilledRef(0xEE)));
        return state;
    }

    public static Checkpoint Checkpoint() => State().CaptureCheckpoint(0x01F4, Filled(0xCC));

    public static byte[] Bytes() => CheckpointCodec.Encode(Checkpoint());
}
