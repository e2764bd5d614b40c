using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using AmduatFs.Core;
using AmduatFs.Store.Blocks;
using static AmduatFs.Store.Segments.SegmentLayout;

namespace AmduatFs.Store.Segments;

/// <summary>Strict decoder of index segment files: any deviation from the one canonical form is damage.</summary>
internal static class SegmentDecoder
{
    /// <param name="segmentName">names the segment in errors, e.g. its file name or id.</param>
    /// <exception cref="CorruptDataException">the bytes are not a sound segment.</exception>
    // Opening a store decodes every record of every segment once: compile straight to optimized code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Segment Decode(ReadOnlySpan<byte> bytes, string segmentName)
    {
        var reader = new SegmentReader(bytes, segmentName);
        int smallest = Header.Length.Total + Footer.Length.Total;
        if (bytes.Length < smallest)
            throw reader.Corrupt($"segment is {bytes.Length} bytes; at least {smallest} are needed", 0);

        int footerOffset = bytes.Length - Footer.Length.Total;
        var footer = bytes[footerOffset..];
        uint storedCrc = BinaryPrimitives.ReadUInt32LittleEndian(footer.Slice(Footer.Offset.Crc, Footer.Length.Crc));
        uint actualCrc = Crc32C.Compute(bytes[..footerOffset]);
        if (storedCrc != actualCrc)
            throw reader.Corrupt($"CRC-32C of the contents is 0x{actualCrc:x8} but the footer records 0x{storedCrc:x8}", footerOffset + Footer.Offset.Crc);
        if (!footer.Slice(Footer.Offset.Magic, Footer.Length.Magic).SequenceEqual(FooterMagic))
            throw reader.Corrupt("footer magic is not \"ASLSEGFT\"", footerOffset + Footer.Offset.Magic);
        uint footerReserved = BinaryPrimitives.ReadUInt32LittleEndian(footer.Slice(Footer.Offset.Reserved, Footer.Length.Reserved));
        if (footerReserved != 0)
            throw reader.Corrupt($"footer reserved field is 0x{footerReserved:x8}; it must be 0", footerOffset + Footer.Offset.Reserved);

        var (segmentId, recordCount, blockCount) = DecodeHeader(ref reader, footerOffset);
        var blocks = DecodeBlockTable(ref reader, blockCount);
        var used = new bool[blocks.Length];
        var entries = new IndexEntry[recordCount];
        for (int i = 0; i < entries.Length; i++)
        {
            int recordOffset = reader.Position;
            entries[i] = DecodeRecord(ref reader, blocks, used, footerOffset);
            if (i > 0 && IndexKeyComparer.Instance.Compare(entries[i - 1], entries[i]) >= 0)
                throw reader.Corrupt($"record {i} (domain {entries[i].Domain}, {entries[i].Reference}) does not sort after the record before it", recordOffset);
        }
        if (reader.Position != footerOffset)
            throw reader.Corrupt($"{footerOffset - reader.Position} bytes follow the last record", reader.Position);
        int unused = Array.IndexOf(used, false);
        if (unused >= 0)
            throw reader.Corrupt($"block table entry {unused} ({blocks[unused]}) is used by no extent", Header.Length.Total + unused * BlockIdLength);
        return new Segment(segmentId, entries);
    }

    private static (ulong SegmentId, int RecordCount, int BlockCount) DecodeHeader(ref SegmentReader reader, int footerOffset)
    {
        var header = reader.Take(Header.Length.Total, "header");
        if (!header.Slice(Header.Offset.Magic, Header.Length.Magic).SequenceEqual(HeaderMagic))
            throw reader.Corrupt("header magic is not \"ASLSEG01\"", Header.Offset.Magic);
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(header.Slice(Header.Offset.Version, Header.Length.Version));
        if (version != FormatVersion)
            throw reader.Corrupt($"version is {version}; only {FormatVersion} is known", Header.Offset.Version);
        ushort shard = BinaryPrimitives.ReadUInt16LittleEndian(header.Slice(Header.Offset.ShardId, Header.Length.ShardId));
        if (shard != ShardId)
            throw reader.Corrupt($"shard_id is {shard}; only shard {ShardId} exists", Header.Offset.ShardId);
        uint headerSize = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(Header.Offset.HeaderSize, Header.Length.HeaderSize));
        if (headerSize != Header.Length.Total)
            throw reader.Corrupt($"header_size is {headerSize}; version {FormatVersion} headers are {Header.Length.Total} bytes", Header.Offset.HeaderSize);
        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(Header.Offset.Flags, Header.Length.Flags));
        if (flags != 0)
            throw reader.Corrupt($"header flags are 0x{flags:x8}; no flag is defined in version {FormatVersion}", Header.Offset.Flags);

        ulong segmentId = BinaryPrimitives.ReadUInt64LittleEndian(header.Slice(Header.Offset.SegmentId, Header.Length.SegmentId));
        ulong recordCount = BinaryPrimitives.ReadUInt64LittleEndian(header.Slice(Header.Offset.RecordCount, Header.Length.RecordCount));
        uint blockCount = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(Header.Offset.BlockCount, Header.Length.BlockCount));
        int body = footerOffset - Header.Length.Total;
        if (recordCount == 0)
            throw reader.Corrupt("record_count is 0; a segment holds at least one record", Header.Offset.RecordCount);
        if (recordCount > (ulong)(body / Record.MinLength))
            throw reader.Corrupt($"record_count {recordCount} cannot fit in {body} bytes", Header.Offset.RecordCount);
        if ((ulong)blockCount * BlockIdLength + recordCount * Record.MinLength > (ulong)body)
            throw reader.Corrupt($"block_count {blockCount} and record_count {recordCount} cannot fit in {body} bytes", Header.Offset.BlockCount);
        return (segmentId, (int)recordCount, (int)blockCount);
    }

    private static Digest256[] DecodeBlockTable(ref SegmentReader reader, int blockCount)
    {
        var blocks = new Digest256[blockCount];
        for (int i = 0; i < blocks.Length; i++)
        {
            int offset = reader.Position;
            blocks[i] = new Digest256(reader.Take(BlockIdLength, "block table"));
            if (i > 0 && blocks[i - 1].CompareTo(blocks[i]) >= 0)
                throw reader.Corrupt($"block table entry {i} ({blocks[i]}) does not sort after the entry before it", offset);
        }
        return blocks;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IndexEntry DecodeRecord(ref SegmentReader reader, Digest256[] blocks, bool[] used, int footerOffset)
    {
        int recordOffset = reader.Position;
        Reference reference;
        int referenceLength;
        try
        {
            reference = FramedReference.Read(reader.Rest(footerOffset), out referenceLength);
        }
        catch (FormatException e)
        {
            throw reader.Corrupt($"record reference: {e.Message}", recordOffset);
        }
        reader.Take(referenceLength, "record reference");

        int fixedOffset = reader.Position;
        var fields = reader.Take(Record.Length.Fixed, "record");
        uint domain = BinaryPrimitives.ReadUInt32LittleEndian(fields.Slice(Record.Offset.Domain, Record.Length.Domain));
        byte visibility = fields[Record.Offset.Visibility];
        uint crossDomainSource = BinaryPrimitives.ReadUInt32LittleEndian(fields.Slice(Record.Offset.CrossDomainSource, Record.Length.CrossDomainSource));
        byte flags = fields[Record.Offset.Flags];
        uint typeTag = BinaryPrimitives.ReadUInt32LittleEndian(fields.Slice(Record.Offset.TypeTag, Record.Length.TypeTag));
        ulong length = BinaryPrimitives.ReadUInt64LittleEndian(fields.Slice(Record.Offset.ArtifactLength, Record.Length.ArtifactLength));
        uint extentCount = BinaryPrimitives.ReadUInt32LittleEndian(fields.Slice(Record.Offset.ExtentCount, Record.Length.ExtentCount));
        bool hasTypeTag = (flags & Record.FlagHasTypeTag) != 0;
        bool tombstone = (flags & Record.FlagTombstone) != 0;

        if (domain == DomainId.None.Value)
            throw reader.Corrupt($"record for {reference} has domain 0", fixedOffset + Record.Offset.Domain);
        if (visibility > (byte)Visibility.Published)
            throw reader.Corrupt($"record for {reference} has visibility {visibility}; only 0 and 1 are defined", fixedOffset + Record.Offset.Visibility);
        if ((flags & ~Record.KnownFlags) != 0)
            throw reader.Corrupt($"record for {reference} has unknown flag bits 0x{flags & ~Record.KnownFlags:x2}", fixedOffset + Record.Offset.Flags);
        if (!hasTypeTag && typeTag != 0)
            throw reader.Corrupt($"record for {reference} has type_tag 0x{typeTag:x8} without the has_type_tag flag", fixedOffset + Record.Offset.TypeTag);
        if (tombstone && (hasTypeTag || length != 0 || extentCount != 0))
            throw reader.Corrupt($"record for {reference} is a tombstone but has a type tag, a length or extents", fixedOffset + Record.Offset.Flags);
        int extentBytesLeft = footerOffset - reader.Position;
        if (extentCount > (uint)(extentBytesLeft / ExtentRecord.Length.Total))
            throw reader.Corrupt($"record for {reference} declares {extentCount} extents but only {extentBytesLeft} bytes remain", fixedOffset + Record.Offset.ExtentCount);

        var extents = new Extent[extentCount];
        ulong sum = 0;
        for (int i = 0; i < extents.Length; i++)
        {
            int extentOffset = reader.Position;
            var extent = reader.Take(ExtentRecord.Length.Total, "extent");
            uint blockIndex = BinaryPrimitives.ReadUInt32LittleEndian(extent.Slice(ExtentRecord.Offset.BlockIndex, ExtentRecord.Length.BlockIndex));
            uint chunkOffset = BinaryPrimitives.ReadUInt32LittleEndian(extent.Slice(ExtentRecord.Offset.ChunkOffset, ExtentRecord.Length.Offset));
            uint chunkLength = BinaryPrimitives.ReadUInt32LittleEndian(extent.Slice(ExtentRecord.Offset.ChunkLength, ExtentRecord.Length.ChunkLength));
            if (blockIndex >= (uint)blocks.Length)
                throw reader.Corrupt($"record for {reference}: extent {i} names block {blockIndex} of {blocks.Length}", extentOffset + ExtentRecord.Offset.BlockIndex);
            if (chunkOffset < BlockLayout.Header.Length.Total)
                throw reader.Corrupt($"record for {reference}: extent {i} starts at block offset {chunkOffset}, inside the block header", extentOffset + ExtentRecord.Offset.ChunkOffset);
            if (chunkLength == 0)
                throw reader.Corrupt($"record for {reference}: extent {i} has length 0", extentOffset + ExtentRecord.Offset.ChunkLength);
            used[blockIndex] = true;
            sum += chunkLength;
            extents[i] = new Extent(new Digest256(extent.Slice(ExtentRecord.Offset.Chunk, ExtentRecord.Length.Chunk)), blocks[blockIndex], chunkOffset, chunkLength);
        }
        if (sum != length)
            throw reader.Corrupt($"record for {reference} has length {length} but its extents hold {sum} bytes", fixedOffset + Record.Offset.ArtifactLength);

        return new IndexEntry(reference, new DomainId(domain), (Visibility)visibility, new DomainId(crossDomainSource),
            hasTypeTag ? typeTag : null, length, tombstone, extents);
    }

    /// <summary>A cursor over the segment bytes that turns running out of bytes into a named error.</summary>
    private ref struct SegmentReader(ReadOnlySpan<byte> bytes, string segmentName)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public int Position { get; private set; }

        public ReadOnlySpan<byte> Rest(int end) => _bytes[Position..end];

        public ReadOnlySpan<byte> Take(int length, string what)
        {
            if (_bytes.Length - Footer.Length.Total - Position < length)
                throw Corrupt($"{what} is cut off by the footer", Position);
            var slice = _bytes.Slice(Position, length);
            Position += length;
            return slice;
        }

        public readonly CorruptDataException Corrupt(string reason, long offset) => new("segment", segmentName, reason, offset: offset);
    }
}
