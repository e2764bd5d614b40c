namespace AmduatFs.Store.Blocks;

/// <summary>
/// Byte layout of a block pack file (docs/format.md, "Block files"); all integers little-endian.
/// <c>Header ‖ chunk bytes ‖ ChunkTable ‖ Footer</c>.
/// </summary>
internal static class BlockLayout
{
    public const uint FormatVersion = 1;
    public static ReadOnlySpan<byte> HeaderMagic => "ASLBLK01"u8;
    public static ReadOnlySpan<byte> FooterMagic => "ASLBLKFT"u8;

    /// <summary>Extents address chunks with a u32 offset, so no chunk may start beyond this.</summary>
    public const long MaxChunkOffset = uint.MaxValue;

    public static class Header
    {
        public static class Length
        {
            public const int Magic = 8;
            public const int Version = 4;
            public const int HeaderSize = 4;
            public const int Total = Magic + Version + HeaderSize;
        }

        public static class Offset
        {
            public const int Magic = 0;
            public const int Version = Magic + Length.Magic;
            public const int HeaderSize = Version + Length.Version;
        }
    }

    /// <summary><c>u32 chunk_count ‖ chunk_count × Entry</c>.</summary>
    public static class ChunkTable
    {
        public static class Length
        {
            public const int Count = 4;
            public const int Hash = Digest256.Length;
            public const int ChunkOffset = 8;
            public const int ChunkLength = 4;
            public const int Entry = Hash + ChunkOffset + ChunkLength;
        }

        public static class Offset
        {
            public const int Count = 0;
            public const int FirstEntry = Count + Length.Count;
        }

        /// <summary>Offsets within one entry.</summary>
        public static class EntryOffset
        {
            public const int Hash = 0;
            public const int ChunkOffset = Hash + Length.Hash;
            public const int ChunkLength = ChunkOffset + Length.ChunkOffset;
        }

        public static long SizeFor(long chunkCount) => Length.Count + chunkCount * Length.Entry;
    }

    public static class Footer
    {
        public static class Length
        {
            public const int TableOffset = 8;
            public const int TableCrc = 4;
            public const int Reserved = 4;
            public const int Magic = 8;
            public const int Total = TableOffset + TableCrc + Reserved + Magic;
        }

        public static class Offset
        {
            public const int TableOffset = 0;
            public const int TableCrc = TableOffset + Length.TableOffset;
            public const int Reserved = TableCrc + Length.TableCrc;
            public const int Magic = Reserved + Length.Reserved;
        }
    }
}
