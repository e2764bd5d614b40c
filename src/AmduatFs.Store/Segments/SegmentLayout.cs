using AmduatFs.Core;

namespace AmduatFs.Store.Segments;

/// <summary>
/// Byte layout of an index segment file (docs/format.md, "Index segments"); integers little-endian,
/// the framed reference big-endian as everywhere else.
/// <c>Header ‖ BlockTable ‖ IndexRecord* ‖ Footer</c>.
/// </summary>
internal static class SegmentLayout
{
    public const ushort FormatVersion = 1;
    public const ushort ShardId = 0;
    public static ReadOnlySpan<byte> HeaderMagic => "ASLSEG01"u8;
    public static ReadOnlySpan<byte> FooterMagic => "ASLSEGFT"u8;

    public static class Header
    {
        public static class Length
        {
            public const int Magic = 8;
            public const int Version = 2;
            public const int ShardId = 2;
            public const int HeaderSize = 4;
            public const int SegmentId = 8;
            public const int RecordCount = 8;
            public const int BlockCount = 4;
            public const int Flags = 4;
            public const int Total = Magic + Version + ShardId + HeaderSize + SegmentId + RecordCount + BlockCount + Flags;
        }

        public static class Offset
        {
            public const int Magic = 0;
            public const int Version = Magic + Length.Magic;
            public const int ShardId = Version + Length.Version;
            public const int HeaderSize = ShardId + Length.ShardId;
            public const int SegmentId = HeaderSize + Length.HeaderSize;
            public const int RecordCount = SegmentId + Length.SegmentId;
            public const int BlockCount = RecordCount + Length.RecordCount;
            public const int Flags = BlockCount + Length.BlockCount;
        }
    }

    /// <summary>Each block table entry is a bare block id.</summary>
    public const int BlockIdLength = Digest256.Length;

    /// <summary>The fixed fields that follow a record's framed reference.</summary>
    public static class Record
    {
        public const byte FlagHasTypeTag = 0x01;
        public const byte FlagTombstone = 0x02;
        public const byte KnownFlags = FlagHasTypeTag | FlagTombstone;

        public static class Length
        {
            public const int Domain = 4;
            public const int Visibility = 1;
            public const int CrossDomainSource = 4;
            public const int Flags = 1;
            public const int TypeTag = 4;
            public const int ArtifactLength = 8;
            public const int ExtentCount = 4;
            public const int Fixed = Domain + Visibility + CrossDomainSource + Flags + TypeTag + ArtifactLength + ExtentCount;
        }

        /// <summary>Offsets within the fixed part, which starts right after the framed reference.</summary>
        public static class Offset
        {
            public const int Domain = 0;
            public const int Visibility = Domain + Length.Domain;
            public const int CrossDomainSource = Visibility + Length.Visibility;
            public const int Flags = CrossDomainSource + Length.CrossDomainSource;
            public const int TypeTag = Flags + Length.Flags;
            public const int ArtifactLength = TypeTag + Length.TypeTag;
            public const int ExtentCount = ArtifactLength + Length.ArtifactLength;
        }

        /// <summary>A framed reference with a one-byte digest plus the fixed part: no record is shorter.</summary>
        public const int MinLength = 3 + 1 + Length.Fixed;
    }

    public static class ExtentRecord
    {
        public static class Length
        {
            public const int Chunk = Digest256.Length;
            public const int BlockIndex = 4;
            public const int Offset = 4;
            public const int ChunkLength = 4;
            public const int Total = Chunk + BlockIndex + Offset + ChunkLength;
        }

        public static class Offset
        {
            public const int Chunk = 0;
            public const int BlockIndex = Chunk + Length.Chunk;
            public const int ChunkOffset = BlockIndex + Length.BlockIndex;
            public const int ChunkLength = ChunkOffset + Length.Offset;
        }
    }

    public static class Footer
    {
        public static class Length
        {
            public const int Crc = 4;
            public const int Reserved = 4;
            public const int Magic = 8;
            public const int Total = Crc + Reserved + Magic;
        }

        public static class Offset
        {
            public const int Crc = 0;
            public const int Reserved = Crc + Length.Crc;
            public const int Magic = Reserved + Length.Reserved;
        }
    }

    public static int RecordLength(Reference reference, int extentCount) =>
        checked(FramedReference.SizeOf(reference) + Record.Length.Fixed + extentCount * ExtentRecord.Length.Total);
}
