namespace AmduatFs.Store.Log;

/// <summary>
/// ENC/ASL-LOG/1 record types (docs/format.md, "Log records"). 0x01, 0x10 and 0x11 are the spec's;
/// the rest are AmduatFs's. Values are on disk: never renumber, and keep retired ones as comments.
/// </summary>
public enum LogRecordType : uint
{
    SegmentSeal = 0x01,
    Tombstone = 0x10,
    TombstoneLift = 0x11,
    SnapshotAnchor = 0x20,
    DomainCreate = 0x30,
    StagingRoot = 0x31,
}
