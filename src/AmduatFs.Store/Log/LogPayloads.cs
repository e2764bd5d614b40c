using AmduatFs.Core;

namespace AmduatFs.Store.Log;

/// <summary>A decoded log record payload; <see cref="LogPayloadCodec"/> owns the byte layouts.</summary>
public abstract record LogPayload
{
    public abstract LogRecordType Type { get; }
}

/// <summary>From this record's logseq on, segment <paramref name="SegmentId"/> (whose exact bytes hash to <paramref name="SegmentHash"/>) is visible.</summary>
public sealed record SegmentSeal(ulong SegmentId, Digest256 SegmentHash) : LogPayload
{
    public override LogRecordType Type => LogRecordType.SegmentSeal;
}

/// <summary>Hides <paramref name="Reference"/> in <paramref name="Domain"/> from this record's logseq on.</summary>
public sealed record Tombstone(DomainId Domain, Reference Reference) : LogPayload
{
    public override LogRecordType Type => LogRecordType.Tombstone;
}

/// <summary>Cancels the tombstone recorded at <paramref name="TombstoneLogseq"/>, which must name the same domain and reference.</summary>
public sealed record TombstoneLift(ulong TombstoneLogseq, DomainId Domain, Reference Reference) : LogPayload
{
    public override LogRecordType Type => LogRecordType.TombstoneLift;
}

/// <summary>Snapshot <paramref name="SnapshotId"/> of a domain: a name, the root tree artifact, and its creation time. Its log position is this record's logseq.</summary>
public sealed record SnapshotAnchor(DomainId Domain, ulong SnapshotId, string Name, Reference Root, long CreatedUnixNanoseconds) : LogPayload
{
    public override LogRecordType Type => LogRecordType.SnapshotAnchor;
}

/// <summary>Introduces a domain number and its name.</summary>
public sealed record DomainCreate(DomainId Domain, string Name) : LogPayload
{
    public override LogRecordType Type => LogRecordType.DomainCreate;
}

/// <summary>The domain's staging tree is now the tree artifact <paramref name="Root"/>.</summary>
public sealed record StagingRoot(DomainId Domain, Reference Root) : LogPayload
{
    public override LogRecordType Type => LogRecordType.StagingRoot;
}
