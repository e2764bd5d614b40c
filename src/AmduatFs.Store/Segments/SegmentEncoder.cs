using System.Buffers.Binary;
using AmduatFs.Core;
using AmduatFs.Store.Blocks;
using static AmduatFs.Store.Segments.SegmentLayout;

namespace AmduatFs.Store.Segments;

/// <summary>Builds the canonical bytes of an index segment, and proves they decode back to the input before returning them.</summary>
internal static class SegmentEncoder
{
    /// <exception cref="ArgumentException">no entries, two entries with the same (domain, reference), or an entry the format cannot hold (domain 0, extents that do not sum to the length, a tombstone with a location, ...).</exception>
    public static byte[] Encode(ulong segmentId, IReadOnlyList<IndexEntry> entries)
    {
        if (entries.Count == 0) throw new ArgumentException("a segment holds at least one entry", nameof(entries));
        var sorted = entries.ToArray();
        Array.Sort(sorted, IndexKeyComparer.Instance);
        for (int i = 1; i < sorted.Length; i++)
        {
            if (IndexKeyComparer.Instance.Compare(sorted[i - 1], sorted[i]) == 0)
                throw new ArgumentException($"two entries share the key (domain {sorted[i].Domain}, {sorted[i].Reference})", nameof(entries));
        }

        var blocks = sorted.SelectMany(e => e.Extents).Select(e => e.Block).Distinct().Order().ToArray();
        var blockIndex = new Dictionary<Digest256, uint>(blocks.Length);
        for (int i = 0; i < blocks.Length; i++) blockIndex.Add(blocks[i], (uint)i);

        long size = Header.Length.Total + (long)blocks.Length * BlockIdLength + Footer.Length.Total;
        foreach (var entry in sorted) size += RecordLength(entry.Reference, entry.Extents.Length);
        if (size > Array.MaxLength) throw new ArgumentException($"the segment would be {size} bytes, too large for one file", nameof(entries));

        var bytes = new byte[size];
        WriteHeader(bytes, segmentId, (ulong)sorted.Length, (uint)blocks.Length);
        int position = Header.Length.Total;
        foreach (var block in blocks)
        {
            block.WriteTo(bytes.AsSpan(position, BlockIdLength));
            position += BlockIdLength;
        }
        foreach (var entry in sorted) position += WriteRecord(bytes.AsSpan(position), entry, blockIndex);
        WriteFooter(bytes);

        VerifyDecodesTo(bytes, segmentId, sorted);
        return bytes;
    }

    private static void WriteHeader(Span<byte> destination, ulong segmentId, ulong recordCount, uint blockCount)
    {
        HeaderMagic.CopyTo(destination.Slice(Header.Offset.Magic, Header.Length.Magic));
        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(Header.Offset.Version, Header.Length.Version), FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(Header.Offset.ShardId, Header.Length.ShardId), ShardId);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(Header.Offset.HeaderSize, Header.Length.HeaderSize), Header.Length.Total);
        BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(Header.Offset.SegmentId, Header.Length.SegmentId), segmentId);
        BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(Header.Offset.RecordCount, Header.Length.RecordCount), recordCount);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(Header.Offset.BlockCount, Header.Length.BlockCount), blockCount);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(Header.Offset.Flags, Header.Length.Flags), 0);
    }

    private static int WriteRecord(Span<byte> destination, IndexEntry entry, Dictionary<Digest256, uint> blockIndex)
    {
        int position = FramedReference.Write(destination, entry.Reference);
        var fields = destination.Slice(position, Record.Length.Fixed);
        byte flags = (byte)((entry.TypeTag is null ? 0 : Record.FlagHasTypeTag) | (entry.IsTombstone ? Record.FlagTombstone : 0));
        BinaryPrimitives.WriteUInt32LittleEndian(fields.Slice(Record.Offset.Domain, Record.Length.Domain), entry.Domain.Value);
        fields[Record.Offset.Visibility] = (byte)entry.Visibility;
        BinaryPrimitives.WriteUInt32LittleEndian(fields.Slice(Record.Offset.CrossDomainSource, Record.Length.CrossDomainSource), entry.CrossDomainSource.Value);
        fields[Record.Offset.Flags] = flags;
        BinaryPrimitives.WriteUInt32LittleEndian(fields.Slice(Record.Offset.TypeTag, Record.Length.TypeTag), entry.TypeTag ?? 0);
        BinaryPrimitives.WriteUInt64LittleEndian(fields.Slice(Record.Offset.ArtifactLength, Record.Length.ArtifactLength), entry.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(fields.Slice(Record.Offset.ExtentCount, Record.Length.ExtentCount), (uint)entry.Extents.Length);
        position += Record.Length.Fixed;
        foreach (var extent in entry.Extents)
        {
            var slot = destination.Slice(position, ExtentRecord.Length.Total);
            extent.Chunk.WriteTo(slot.Slice(ExtentRecord.Offset.Chunk, ExtentRecord.Length.Chunk));
            BinaryPrimitives.WriteUInt32LittleEndian(slot.Slice(ExtentRecord.Offset.BlockIndex, ExtentRecord.Length.BlockIndex), blockIndex[extent.Block]);
            BinaryPrimitives.WriteUInt32LittleEndian(slot.Slice(ExtentRecord.Offset.ChunkOffset, ExtentRecord.Length.Offset), extent.Offset);
            BinaryPrimitives.WriteUInt32LittleEndian(slot.Slice(ExtentRecord.Offset.ChunkLength, ExtentRecord.Length.ChunkLength), extent.Length);
            position += ExtentRecord.Length.Total;
        }
        return position;
    }

    /// <summary>Fills the last <see cref="Footer.Length.Total"/> bytes, whose CRC covers everything before them.</summary>
    private static void WriteFooter(byte[] segment)
    {
        int footerOffset = segment.Length - Footer.Length.Total;
        var footer = segment.AsSpan(footerOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(footer.Slice(Footer.Offset.Crc, Footer.Length.Crc), Crc32C.Compute(segment.AsSpan(0, footerOffset)));
        BinaryPrimitives.WriteUInt32LittleEndian(footer.Slice(Footer.Offset.Reserved, Footer.Length.Reserved), 0);
        FooterMagic.CopyTo(footer.Slice(Footer.Offset.Magic, Footer.Length.Magic));
    }

    /// <summary>
    /// Verify before durable: the decoder's rules are the format's rules, so an entry it rejects is one the
    /// caller should not have asked to store, and a decoded entry that differs is a bug here.
    /// </summary>
    private static void VerifyDecodesTo(byte[] bytes, ulong segmentId, IndexEntry[] sorted)
    {
        Segment decoded;
        try
        {
            decoded = SegmentDecoder.Decode(bytes, $"{segmentId} (being written)");
        }
        catch (CorruptDataException e)
        {
            throw new ArgumentException($"the entries cannot be stored in a segment: {e.Reason}", "entries", e);
        }
        if (decoded.Id != segmentId || decoded.Entries.Count != sorted.Length)
            throw new InvalidOperationException($"segment {segmentId} decodes to a different id or record count than was encoded");
        for (int i = 0; i < sorted.Length; i++)
        {
            if (!SameEntry(decoded.Entries[i], sorted[i]))
                throw new InvalidOperationException($"segment {segmentId} record {i} ({sorted[i].Reference}) decodes differently from what was encoded");
        }
    }

    private static bool SameEntry(IndexEntry a, IndexEntry b) =>
        a with { Extents = b.Extents } == b && a.Extents.AsSpan().SequenceEqual(b.Extents);
}
