using AmduatFs.Core;
using static AmduatFs.Store.Log.LogFormat.Payload;

namespace AmduatFs.Store.Log;

/// <summary>
/// Byte layouts of the payloads of the record types in <see cref="LogRecordType"/> (docs/format.md,
/// "Log payloads"). Integers are little-endian like the envelope; references are framed
/// (<see cref="FramedReference"/>); names are <c>u16le length ‖ UTF-8</c>. Decoding is strict.
/// </summary>
public static class LogPayloadCodec
{
    /// <exception cref="ArgumentException">a value the layout cannot carry: domain 0, snapshot id or tombstone logseq 0, an invalid name.</exception>
    public static byte[] Encode(LogPayload payload)
    {
        switch (payload)
        {
            case SegmentSeal seal:
            {
                var w = new PayloadWriter(new byte[Length.U64 + Digest256.Length]);
                w.U64(seal.SegmentId);
                w.Digest(seal.SegmentHash);
                return w.Finish();
            }
            case Tombstone tombstone:
            {
                var w = new PayloadWriter(new byte[Length.Domain + FramedReference.SizeOf(tombstone.Reference)]);
                w.Domain(Valid(tombstone.Domain, payload));
                w.Reference(tombstone.Reference);
                return w.Finish();
            }
            case TombstoneLift lift:
            {
                var w = new PayloadWriter(new byte[Length.U64 + Length.Domain + FramedReference.SizeOf(lift.Reference)]);
                w.U64(NonZero(lift.TombstoneLogseq, "tombstone logseq", payload));
                w.Domain(Valid(lift.Domain, payload));
                w.Reference(lift.Reference);
                return w.Finish();
            }
            case SnapshotAnchor anchor:
            {
                byte[] name = NameBytes(anchor.Name, payload);
                var w = new PayloadWriter(new byte[Length.Domain + Length.U64 + Length.U64 + Length.NameLength + name.Length + FramedReference.SizeOf(anchor.Root)]);
                w.Domain(Valid(anchor.Domain, payload));
                w.U64(NonZero(anchor.SnapshotId, "snapshot id", payload));
                w.I64(anchor.CreatedUnixNanoseconds);
                w.Name(name);
                w.Reference(anchor.Root);
                return w.Finish();
            }
            case DomainCreate create:
            {
                byte[] name = NameBytes(create.Name, payload);
                var w = new PayloadWriter(new byte[Length.Domain + Length.NameLength + name.Length]);
                w.Domain(Valid(create.Domain, payload));
                w.Name(name);
                return w.Finish();
            }
            case StagingRoot staging:
            {
                var w = new PayloadWriter(new byte[Length.Domain + FramedReference.SizeOf(staging.Root)]);
                w.Domain(Valid(staging.Domain, payload));
                w.Reference(staging.Root);
                return w.Finish();
            }
            default:
                throw new ArgumentException($"no payload layout for {payload.GetType().Name}", nameof(payload));
        }
    }

    /// <summary>Decodes a payload of a known record type; returns null for a type this version does not know (readers skip those).</summary>
    /// <exception cref="FormatException">the payload does not match its type's layout; the message names the type and the problem.</exception>
    public static LogPayload? Decode(uint recordType, ReadOnlySpan<byte> payload)
    {
        var type = (LogRecordType)recordType;
        var r = new PayloadReader(type, payload);
        LogPayload? decoded;
        switch (type)
        {
            case LogRecordType.SegmentSeal:
                decoded = new SegmentSeal(r.U64("segment_id"), r.Digest("segment_sha256"));
                break;
            case LogRecordType.Tombstone:
                decoded = new Tombstone(r.Domain(), r.Reference("reference"));
                break;
            case LogRecordType.TombstoneLift:
            {
                ulong tombstoneLogseq = r.NonZeroU64("tombstone_logseq");
                decoded = new TombstoneLift(tombstoneLogseq, r.Domain(), r.Reference("reference"));
                break;
            }
            case LogRecordType.SnapshotAnchor:
            {
                var domain = r.Domain();
                ulong snapshotId = r.NonZeroU64("snapshot_id");
                long created = r.I64("created_unix_ns");
                string name = r.Name("name");
                decoded = new SnapshotAnchor(domain, snapshotId, name, r.Reference("root"), created);
                break;
            }
            case LogRecordType.DomainCreate:
                decoded = new DomainCreate(r.Domain(), r.Name("name"));
                break;
            case LogRecordType.StagingRoot:
                decoded = new StagingRoot(r.Domain(), r.Reference("root"));
                break;
            default:
                return null;
        }
        r.End();
        return decoded;
    }

    private static DomainId Valid(DomainId domain, LogPayload payload) =>
        domain != DomainId.None ? domain : throw new ArgumentException($"{payload.Type} payload: domain 0 is never valid", nameof(payload));

    private static ulong NonZero(ulong value, string field, LogPayload payload) =>
        value != 0 ? value : throw new ArgumentException($"{payload.Type} payload: {field} 0 is never valid", nameof(payload));

    private static byte[] NameBytes(string name, LogPayload payload)
    {
        byte[] utf8;
        try
        {
            utf8 = LogNames.StrictUtf8.GetBytes(name);
        }
        catch (ArgumentException)
        {
            throw new ArgumentException($"{payload.Type} payload: name contains an unpaired surrogate and has no UTF-8 form", nameof(payload));
        }
        return LogNames.Problem(utf8) is string problem
            ? throw new ArgumentException($"{payload.Type} payload: {problem}", nameof(payload))
            : utf8;
    }
}
