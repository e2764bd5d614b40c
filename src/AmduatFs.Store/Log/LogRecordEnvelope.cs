using System.Buffers.Binary;
using System.Security.Cryptography;
using static AmduatFs.Store.Log.LogFormat.Record;

namespace AmduatFs.Store.Log;

/// <summary>
/// One ENC/ASL-LOG/1 record: <c>u64 logseq | u32 record_type | u32 payload_len | payload | u8 record_hash[32]</c>,
/// where <c>record_hash = SHA-256(prev_record_hash ‖ the record's bytes up to the hash)</c>.
/// Shared by the reader and by the writer's verify-before-durable pass so both apply one rule.
/// </summary>
internal static class LogRecordEnvelope
{
    public readonly record struct Fields(ulong Logseq, uint RecordType, int PayloadLength)
    {
        public int RecordLength => Length.Overhead + PayloadLength;
    }

    /// <summary>Writes a whole record into <paramref name="destination"/> and returns its chain hash.</summary>
    public static Digest256 Write(Span<byte> destination, ulong logseq, uint recordType, ReadOnlySpan<byte> payload, Digest256 previous)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination[Offset.Logseq..], logseq);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[Offset.RecordType..], recordType);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[Offset.PayloadLength..], (uint)payload.Length);
        payload.CopyTo(destination[Offset.Payload..]);
        int hashed = Offset.Payload + payload.Length;
        var hash = ChainHash(previous, destination[..hashed]);
        hash.WriteTo(destination[hashed..]);
        return hash;
    }

    /// <summary>SHA-256 of the previous record's hash followed by this record's header and payload, as encoded.</summary>
    public static Digest256 ChainHash(Digest256 previous, ReadOnlySpan<byte> headerAndPayload) =>
        ChainHash(previous, headerAndPayload[..Length.Header], headerAndPayload[Length.Header..]);

    private static Digest256 ChainHash(Digest256 previous, ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[Digest256.Length];
        previous.WriteTo(buffer);
        sha.AppendData(buffer);
        sha.AppendData(header);
        sha.AppendData(payload);
        sha.GetHashAndReset(buffer);
        return new Digest256(buffer);
    }

    /// <summary>Decodes a complete 16-byte record header and checks what can be checked without the rest.</summary>
    /// <exception cref="AmduatFs.Core.CorruptDataException">the logseq is not <paramref name="expectedLogseq"/>, or payload_len is over the cap.</exception>
    public static Fields ReadHeader(ReadOnlySpan<byte> header, ulong expectedLogseq, long fileOffset)
    {
        ulong logseq = BinaryPrimitives.ReadUInt64LittleEndian(header[Offset.Logseq..]);
        uint recordType = BinaryPrimitives.ReadUInt32LittleEndian(header[Offset.RecordType..]);
        uint payloadLength = BinaryPrimitives.ReadUInt32LittleEndian(header[Offset.PayloadLength..]);
        if (logseq != expectedLogseq)
            LogDamage.Record(expectedLogseq, $"the record's logseq field is {logseq}; after logseq {expectedLogseq - 1} the next must be {expectedLogseq}", fileOffset);
        if (payloadLength > LogFormat.MaxPayloadLength)
            LogDamage.Record(expectedLogseq, $"payload_len is {payloadLength}, over the {LogFormat.MaxPayloadLength}-byte cap", fileOffset);
        return new Fields(logseq, recordType, (int)payloadLength);
    }

    /// <summary>Checks the chain hash of a complete record (exactly <see cref="Fields.RecordLength"/> bytes) and returns it as read.</summary>
    /// <exception cref="AmduatFs.Core.CorruptDataException">the stored hash is not the chain hash.</exception>
    public static LogRecord Verify(ReadOnlySpan<byte> record, Fields fields, Digest256 previous, long fileOffset)
    {
        int hashed = Offset.Payload + fields.PayloadLength;
        var stored = new Digest256(record.Slice(hashed, Length.Hash));
        var computed = ChainHash(previous, record[..hashed]);
        if (stored != computed)
            LogDamage.Record(fields.Logseq, $"record_hash is {stored} but the chain gives {computed}", fileOffset);
        return new LogRecord(fields.Logseq, fields.RecordType, record.Slice(Offset.Payload, fields.PayloadLength).ToArray(), stored, fileOffset);
    }

    /// <summary>
    /// For a record whose payload_len runs past the end of the file: whether <paramref name="rest"/> (the bytes
    /// from the record to the end of the file) nevertheless holds it complete under a different payload_len —
    /// its hash chains, and it ends the file or is followed by the next logseq. Then the length field is
    /// damaged and the records after it were durable; otherwise the record is simply torn.
    /// </summary>
    public static int? FindIntactPayloadLength(ReadOnlySpan<byte> rest, Fields fields, Digest256 previous)
    {
        Span<byte> header = stackalloc byte[Length.Header];
        rest[..Length.Header].CopyTo(header);
        for (int payloadLength = 0; payloadLength <= rest.Length - Length.Overhead; payloadLength++)
        {
            var after = rest[(Length.Overhead + payloadLength)..];
            bool plausibleEnd = after.Length < Length.Logseq
                || BinaryPrimitives.ReadUInt64LittleEndian(after) == fields.Logseq + 1;
            if (!plausibleEnd) continue;
            BinaryPrimitives.WriteUInt32LittleEndian(header[Offset.PayloadLength..], (uint)payloadLength);
            var computed = ChainHash(previous, header, rest.Slice(Offset.Payload, payloadLength));
            if (computed == new Digest256(rest.Slice(Offset.Payload + payloadLength, Length.Hash))) return payloadLength;
        }
        return null;
    }
}
